package uk.nhs.triage.bot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import uk.nhs.triage.bot.TriageBot;

/**
 * One account's poll, run by Quartz at the account's interval. Never two at once for one account,
 * across every {@code run} process sharing the database (the job store is clustered).
 */
@DisallowConcurrentExecution
public final class PollAccountJob implements Job {
  static final String ACCOUNT_ID = "accountId";
  static final String BOT = "triageBot";

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String accountId = context.getMergedJobDataMap().getString(ACCOUNT_ID);
    try {
      TriageBot bot = (TriageBot) context.getScheduler().getContext().get(BOT);
      bot.poll(accountId);
    } catch (SchedulerException e) {
      throw new JobExecutionException("account " + accountId + ": scheduler unavailable", e);
    }
  }
}
