package uk.nhs.triage.bot.pipeline;

import uk.nhs.triage.bot.store.SaveResult;

/**
 * Watches the stages of a poll, page by page, for progress and timing (the pipeline benchmark);
 * every method does nothing unless overridden. Times are {@link System#nanoTime()} readings.
 */
public interface PollListener {
  PollListener NONE = new PollListener() {};

  /** The adapter returned a page: asked at {@code askedAt}, returned at {@code returnedAt}. */
  default void pageFetched(int comments, long askedAt, long returnedAt) {}

  /** The page's comments were classified and routed by {@code at}. */
  default void pageTriaged(long at) {}

  /** Rendering a classified page's rows for the store starts, on the thread that does it. */
  default void prepareStarted(long at) {}

  /** The page's rows were rendered for the store by {@code at} (same thread as above). */
  default void pagePrepared(long at) {}

  /** Storing a page starts, on the thread that stores pages. */
  default void saveStarted(long at) {}

  /**
   * A page's transaction committed at {@code at}: the page was returned by the adapter at {@code
   * returnedAt} and its saving started at {@code savingFrom}. Pages are fetched and classified on a
   * second thread, so the calls above may come from another thread than this one, and the next
   * page's {@code pageFetched} may come before this page's {@code pageSaved}.
   */
  default void pageSaved(SaveResult saved, long returnedAt, long savingFrom, long at) {}
}
