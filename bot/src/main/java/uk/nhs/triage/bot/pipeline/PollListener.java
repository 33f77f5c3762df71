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

  /** The page's transaction committed at {@code at}. */
  default void pageSaved(SaveResult saved, long at) {}
}
