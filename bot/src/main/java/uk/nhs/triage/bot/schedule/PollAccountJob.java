package uk.nhs.triage.bot.schedule;

import java.util.Locale;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.pipeline.AccountPollResult;

/**
 * One account's poll, run by Quartz at the account's interval. Never two at once for one account,
 * across every {@code run} process sharing the database (the job store is clustered).
 */
@DisallowConcurrentExecution
public final class PollAccountJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(PollAccountJob.class);

  static final String ACCOUNT_ID = "accountId";
  static final String BOT = "triageBot";

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String accountId = context.getMergedJobDataMap().getString(ACCOUNT_ID);
    TriageBot bot;
    try {
      bot = (TriageBot) context.getScheduler().getContext().get(BOT);
    } catch (SchedulerException e) {
      throw new JobExecutionException("account " + accountId + ": scheduler unavailable", e);
    }
    try {
      log.info(summary(bot.poll(accountId)));
    } catch (RuntimeException e) {
      // Quartz would only log it; say which account, and let the next interval try again.
      log.error("account {}: scheduled poll broke off: {}", accountId, e.toString(), e);
    }
  }

  static String summary(AccountPollResult r) {
    return switch (r.outcome()) {
      case OK ->
          String.format(
              Locale.ROOT,
              "account %s: ok, %d comments fetched, %d new, %d passed over",
              r.accountId(),
              r.received(),
              r.stored(),
              r.problems().size());
      case SKIPPED_RATE_LIMITED ->
          "account " + r.accountId() + ": rate limited until " + r.retryAt() + ", not polled";
      default ->
          String.format(
              Locale.ROOT,
              "account %s: %s after %d comments fetched, %d new: %s",
              r.accountId(),
              r.outcome(),
              r.received(),
              r.stored(),
              r.error());
    };
  }
}
