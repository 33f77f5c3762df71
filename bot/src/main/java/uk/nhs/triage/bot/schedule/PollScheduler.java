package uk.nhs.triage.bot.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.config.Account;
import uk.nhs.triage.bot.notify.OutboxSender;

/**
 * Quartz, with its JDBC job store in the triage database, clustered: one job per account at the
 * account's own interval. Several {@code run} processes on one database share the work, and each
 * account is polled by one of them at a time ({@link PollAccountJob} disallows concurrent runs,
 * which a clustered store enforces across processes).
 */
public final class PollScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

  /** Every process of one deployment shares this name: Quartz keys its rows by it. */
  static final String CLUSTER_NAME = "triage-bot";

  private static final String GROUP = "poll";
  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

  private final Scheduler scheduler;

  /**
   * @param instanceName this process's name in the cluster, unique among the processes sharing the
   *     database; {@code AUTO} lets Quartz make one from the host name and the time
   */
  public PollScheduler(TriageBot bot, DataSource dataSource, String instanceName) {
    // Each scheduler gets its own registration of its own pool, so two in one JVM stay apart.
    String dataSourceName = "triage-db-" + DATA_SOURCES.incrementAndGet();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSourceName, new DataSourceConnectionProvider(dataSource));
    try {
      synchronized (PollScheduler.class) {
        scheduler =
            new StdSchedulerFactory(properties(instanceName, dataSourceName)).getScheduler();
        // Quartz keeps one scheduler per name in a JVM-wide registry and would hand this one to the
        // next factory; forgetting it lets a second instance (in tests) be a real second member.
        SchedulerRepository.getInstance().remove(CLUSTER_NAME);
      }
      scheduler.getContext().put(PollAccountJob.BOT, bot);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
    }
  }

  /** Adds or updates the job of each account; jobs of accounts no longer configured are removed. */
  public void schedule(List<Account> accounts) throws SchedulerException {
    Set<JobKey> wanted = new HashSet<>();
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
                      // After downtime, one poll now rather than one per missed interval.
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build();
      scheduler.scheduleJob(job, Set.of(trigger), true);
      log.info("account {}: polled every {}", account.id(), account.pollInterval());
    }
    for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      if (!wanted.contains(existing)) {
        scheduler.deleteJob(existing);
        log.info("account {}: no longer configured, its job removed", existing.getName());
      }
    }
  }

  /** Adds the outbox sender's job, run by one process of the cluster at a time. */
  public void scheduleOutbox(OutboxSender sender) throws SchedulerException {
    scheduler.getContext().put(SendOutboxJob.SENDER, sender);
    JobKey key = JobKey.jobKey("outbox", "send");
    JobDetail job = JobBuilder.newJob(SendOutboxJob.class).withIdentity(key).storeDurably().build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("outbox", "send")
            .forJob(key)
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(sender.interval().toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    scheduler.scheduleJob(job, Set.of(trigger), true);
    log.info("outbox: sent every {}", sender.interval());
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  /** Stops taking new polls and waits for the running ones to finish. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler did not stop cleanly: " + e.getMessage(), e);
    }
  }

  private static Properties properties(String instanceName, String dataSourceName) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", CLUSTER_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", instanceName);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
    // Take trigger rows under the cluster lock, so two processes never fire one trigger.
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    return p;
  }
}
