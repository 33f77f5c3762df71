package uk.nhs.triage.bot.schedule;

import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.config.Account;

/**
 * Quartz, with its JDBC job store in the triage database, clustered: one job per account at the
 * account's own interval. Several {@code run} processes on one database share the work, and each
 * account is polled by one of them at a time.
 */
public final class PollScheduler implements AutoCloseable {
  private static final String GROUP = "poll";
  private final Scheduler scheduler;

  public PollScheduler(TriageBot bot, DataSource dataSource, String instanceName) {
    try {
      DataSourceConnectionProvider.use(dataSource);
      StdSchedulerFactory factory = new StdSchedulerFactory(properties(instanceName));
      scheduler = factory.getScheduler();
      scheduler.getContext().put(PollAccountJob.BOT, bot);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
    }
  }

  /** Adds or updates the job of each account; jobs of accounts no longer configured are removed. */
  public void schedule(java.util.List<Account> accounts) throws SchedulerException {
    java.util.Set<JobKey> wanted = new java.util.HashSet<>();
    for (Account account : accounts) {
      JobKey key = JobKey.jobKey(account.id(), GROUP);
      wanted.add(key);
      JobDetail job =
          JobBuilder.newJob(PollAccountJob.class)
              .withIdentity(key)
              .usingJobData(PollAccountJob.ACCOUNT_ID, account.id())
              .storeDurably()
              .requestRecovery()
              .build();
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity(account.id(), GROUP)
              .forJob(key)
              .startNow()
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(account.pollInterval().toMillis())
                      .repeatForever()
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build();
      scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
    }
    for (JobKey existing :
        scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(GROUP))) {
      if (!wanted.contains(existing)) {
        scheduler.deleteJob(existing);
      }
    }
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler did not stop cleanly: " + e.getMessage(), e);
    }
  }

  private static Properties properties(String instanceName) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "triage-bot");
    p.setProperty("org.quartz.scheduler.instanceId", instanceName);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", "triage");
    p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
    p.setProperty(
        "org.quartz.dataSource.triage.connectionProvider.class",
        DataSourceConnectionProvider.class.getName());
    return p;
  }
}
