package uk.nhs.triage.bot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import uk.nhs.triage.bot.notify.OutboxSender;

/** Sends what is due in the outbox (emails, approved replies, hides) on the sender's interval. */
@DisallowConcurrentExecution
public final class SendOutboxJob implements Job {
  static final String SENDER = "outboxSender";

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      ((OutboxSender) context.getScheduler().getContext().get(SENDER)).run();
    } catch (SchedulerException e) {
      throw new JobExecutionException("outbox: scheduler unavailable", e);
    }
  }
}
