package uk.nhs.triage.bot.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import uk.nhs.triage.bot.store.SaveResult;
import uk.nhs.triage.bot.store.TriageStore;

/**
 * One poll of one account, the whole flow: adapter, classifier and router, then one transaction
 * that stores the comments, advances the cursor and writes the outbox. Pages are fetched until the
 * platform has nothing new; a failure leaves the cursor where the last saved page put it.
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

  public PollCycle(Triage triage, TriageStore store, Clock clock, Duration historyWindow) {
    this(triage, store, clock, historyWindow, PollListener.NONE);
  }

  public PollCycle(
      Triage triage,
      TriageStore store,
      Clock clock,
      Duration historyWindow,
      PollListener listener) {
    this.triage = triage;
    this.store = store;
    this.clock = clock;
    this.historyWindow = historyWindow;
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
      Page page;
      do {
        long askedAt = System.nanoTime();
        page = adapter.poll(cursor);
        listener.pageFetched(page.comments().size(), askedAt, System.nanoTime());
        histories.preload(page.comments());
        List<TriagedComment> batch = new ArrayList<>(page.comments().size());
        for (Comment comment : page.comments()) {
          batch.add(triage.triage(comment, histories, clock.instant()));
        }
        listener.pageTriaged(System.nanoTime());
        CrashPoint.reached(CrashPoint.AFTER_FETCH);
        SaveResult saved = store.saveBatch(accountId, batch, page.cursor());
        CrashPoint.reached(CrashPoint.AFTER_SAVE);
        listener.pageSaved(saved, System.nanoTime());
        received += saved.received();
        stored += saved.stored();
        cursor = page.cursor();
        for (String problem : page.problems()) {
          log.warn("account {}: passed over {}", accountId, problem);
          problems.add(problem);
        }
      } while (page.more());
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

  private static String reasonOf(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
