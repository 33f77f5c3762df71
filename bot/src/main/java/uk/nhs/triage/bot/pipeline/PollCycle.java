package uk.nhs.triage.bot.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.bot.CrashPoint;
import uk.nhs.triage.bot.pipeline.AccountPollResult.Outcome;
import uk.nhs.triage.bot.store.PreparedBatch;
import uk.nhs.triage.bot.store.SaveResult;
import uk.nhs.triage.bot.store.TriageStore;

/**
 * One poll of one account, the whole flow: adapter, classifier and router, then one transaction
 * that stores the comments, advances the cursor and writes the outbox. Pages are fetched until the
 * platform has nothing new; a failure leaves the cursor where the last saved page put it. While a
 * page is being stored, the next one is fetched, classified and routed on a second thread.
 */
public final class PollCycle {
  private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

  /** How long to wait when a platform limits us without saying until when. */
  private static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

  private final Triage triage;
  private final TriageStore store;
  private final Clock clock;
  private final Duration historyWindow;
  private final PollListener listener;

  public PollCycle(Triage triage, TriageStore store, Clock clock) {
    this(triage, store, clock, PollListener.NONE);
  }

  /** An author's stored history is loaded as far back as the rules read it. */
  public PollCycle(Triage triage, TriageStore store, Clock clock, PollListener listener) {
    this.triage = triage;
    this.store = store;
    this.clock = clock;
    this.historyWindow = triage.historyWindow();
    this.listener = listener;
  }

  public AccountPollResult poll(String accountId, SourceAdapter adapter) {
    HistoryBook histories =
        new HistoryBook(
            (platform, author) ->
                store.authorHistory(platform, author, clock.instant().minus(historyWindow)),
            (platform, authors) ->
                store.authorHistories(platform, authors, clock.instant().minus(historyWindow)));
    String cursor = store.cursor(accountId).orElse(null);
    int received = 0;
    int stored = 0;
    List<String> problems = new ArrayList<>();
    try {
      // Three stages, each on its own thread: the page after next is fetched, classified and
      // routed while the next one's rows are rendered for the store and this one is stored. At
      // most two pages wait ahead; pages are saved one after another in the order fetched, each
      // with its cursor, so the cursor never passes what was saved.
      try (ExecutorService classifying = singleThread("triage-ahead-" + accountId);
          ExecutorService preparing = singleThread("triage-rows-" + accountId)) {
        Ahead ahead = new Ahead(accountId, adapter, histories, classifying);
        Future<PreparedPage> next =
            preparing.submit(ahead.prepare(classifying.submit(ahead.fetchAndTriage(cursor))));
        PreparedPage page;
        do {
          page = take(next);
          if (page.more()) {
            next = preparing.submit(ahead.prepare(page.following()));
          }
          CrashPoint.reached(CrashPoint.AFTER_FETCH);
          long savingFrom = System.nanoTime();
          listener.saveStarted(savingFrom);
          SaveResult saved = store.saveBatch(page.batch(), page.cursor());
          CrashPoint.reached(CrashPoint.AFTER_SAVE);
          listener.pageSaved(saved, page.returnedAt(), savingFrom, System.nanoTime());
          received += saved.received();
          stored += saved.stored();
          cursor = page.cursor();
          for (String problem : page.problems()) {
            log.warn("account {}: passed over {}", accountId, problem);
            problems.add(problem);
          }
        } while (page.more());
      }
      return AccountPollResult.ok(accountId, received, stored, problems);
    } catch (RateLimitedException e) {
      Instant until = e.resetAt() != null ? e.resetAt() : clock.instant().plus(DEFAULT_WAIT);
      log.warn(
          "account {}: rate limited until {}, cursor kept at {}, {} new comments saved: {}",
          accountId,
          until,
          cursor,
          stored,
          e.getMessage());
      store.recordRateLimit(
          accountId, until, "rate limited until " + until + ": " + e.getMessage());
      return AccountPollResult.failed(
          accountId,
          received,
          stored,
          problems,
          "rate limited until " + until,
          Outcome.RATE_LIMITED,
          until);
    } catch (AuthFailedException e) {
      String reason = "authentication failed: " + reasonOf(e);
      log.error("account {}: {}; marked unhealthy until a poll succeeds", accountId, reason);
      store.recordPollFailure(accountId, reason);
      return AccountPollResult.failed(
          accountId, received, stored, problems, reason, Outcome.AUTH_FAILED, null);
    } catch (MalformedPageException e) {
      // The message names the account and the request with its secrets masked (SafeUrl).
      String reason = "unreadable page: " + reasonOf(e);
      log.error("account {}: {}; cursor kept at {}, retried next cycle", accountId, reason, cursor);
      store.recordPollFailure(accountId, reason);
      return AccountPollResult.failed(
          accountId, received, stored, problems, reason, Outcome.FAILED, null);
    } catch (AdapterException e) {
      // The platform's failure is said in the message; a stack trace would only repeat it.
      String reason = reasonOf(e);
      log.error("account {}: poll failed, cursor kept at {}: {}", accountId, cursor, reason);
      store.recordPollFailure(accountId, reason);
      return AccountPollResult.failed(
          accountId, received, stored, problems, reason, Outcome.FAILED, null);
    } catch (RuntimeException e) {
      String reason = reasonOf(e);
      log.error("account {}: poll failed, cursor kept at {}: {}", accountId, cursor, reason, e);
      store.recordPollFailure(accountId, reason);
      return AccountPollResult.failed(
          accountId, received, stored, problems, reason, Outcome.FAILED, null);
    }
  }

  private static ExecutorService singleThread(String name) {
    return Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
  }

  /** A page as fetched, with its comments classified and routed. */
  private record TriagedPage(
      List<TriagedComment> batch,
      String cursor,
      boolean more,
      List<String> problems,
      long returnedAt) {}

  /**
   * A page with its rows prepared for the store, ready to be saved; {@code following} is the next
   * page being fetched and classified (null when this is the last).
   */
  private record PreparedPage(
      PreparedBatch batch,
      String cursor,
      boolean more,
      List<String> problems,
      long returnedAt,
      Future<TriagedPage> following) {}

  /** The two stages ahead of storing, for one poll of one account. */
  private final class Ahead {
    private final String accountId;
    private final SourceAdapter adapter;
    private final HistoryBook histories;
    private final ExecutorService classifying;

    Ahead(
        String accountId,
        SourceAdapter adapter,
        HistoryBook histories,
        ExecutorService classifying) {
      this.accountId = accountId;
      this.adapter = adapter;
      this.histories = histories;
      this.classifying = classifying;
    }

    Callable<TriagedPage> fetchAndTriage(String cursor) {
      return () -> {
        long askedAt = System.nanoTime();
        Page page = adapter.poll(cursor);
        long returnedAt = System.nanoTime();
        listener.pageFetched(page.comments().size(), askedAt, returnedAt);
        histories.preload(page.comments());
        List<TriagedComment> batch = new ArrayList<>(page.comments().size());
        for (Comment comment : page.comments()) {
          batch.add(triage.triage(comment, histories, clock.instant()));
        }
        listener.pageTriaged(System.nanoTime());
        return new TriagedPage(batch, page.cursor(), page.more(), page.problems(), returnedAt);
      };
    }

    /**
     * Once the page is classified, starts fetching and classifying the one after it, then renders
     * this one's rows. A failure to fetch or classify is thrown here, in page order.
     */
    Callable<PreparedPage> prepare(Future<TriagedPage> classified) {
      return () -> {
        TriagedPage page = take(classified);
        Future<TriagedPage> following =
            page.more() ? classifying.submit(fetchAndTriage(page.cursor())) : null;
        listener.prepareStarted(System.nanoTime());
        PreparedBatch prepared = store.prepare(accountId, page.batch());
        listener.pagePrepared(System.nanoTime());
        return new PreparedPage(
            prepared, page.cursor(), page.more(), page.problems(), page.returnedAt(), following);
      };
    }
  }

  /** The page a thread ahead made ready, or what the platform, classifier or store threw. */
  private static <T> T take(Future<T> next) throws AdapterException {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the next page", e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case AdapterException adapterFailure -> throw adapterFailure;
        case RuntimeException failure -> throw failure;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static String reasonOf(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
