package uk.nhs.triage.bot.pipeline;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AccountStatsSource;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.bot.store.TriageStore;

/**
 * Reads the platform's figures for our own account (followers, recent original posts) at most once
 * a day, for the closure criteria of 002 §10.1. A failure here is logged and noted, never fails the
 * poll.
 */
public final class AccountStatsCheck {
  private static final Logger log = LoggerFactory.getLogger(AccountStatsCheck.class);

  private final TriageStore store;
  private final Clock clock;

  public AccountStatsCheck(TriageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Reads and stores the figures if the adapter can give them and they are a day old. */
  public void checkIfDue(String accountId, SourceAdapter adapter) {
    if (!(adapter instanceof AccountStatsSource source)) {
      return;
    }
    try {
      if (!store.accountStatsDue(accountId, clock.instant())) {
        return;
      }
      AccountStats stats = source.stats();
      store.recordAccountStats(accountId, stats, clock.instant());
      log.info(
          "account {}: {} followers, {} original posts in 8 weeks, last on {}",
          accountId,
          stats.followers(),
          stats.postsLast8Weeks(),
          stats.lastOriginalPost());
    } catch (AdapterException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("account {}: account figures not read, tried again tomorrow: {}", accountId, reason);
      try {
        store.recordAccountStatsFailure(accountId, reason, clock.instant());
      } catch (RuntimeException storeFailure) {
        log.warn("account {}: could not note that: {}", accountId, storeFailure.getMessage());
      }
    }
  }
}
