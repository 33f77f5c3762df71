package uk.nhs.triage.bot.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.notify.OutboxSender;
import uk.nhs.triage.bot.notify.SendReport;
import uk.nhs.triage.bot.notify.SmtpMailer;
import uk.nhs.triage.bot.store.Database;

/** Sends what waits in the outbox: team emails, approved replies and hides. */
@Command(
    name = "send-outbox",
    description = {
      "Sends what waits in the outbox (team emails, approved replies and hides), then every",
      "outbox.interval until stopped; with --once, one run and a summary."
    })
public final class SendOutboxCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--once", description = "One run, then exit (status 1 if anything failed).")
  boolean once;

  @Override
  public Integer call() throws Exception {
    TriageConfig triageConfig = config.load();
    try (Database database = DatabaseChoice.open(triageConfig.database(), System.getenv())) {
      database.migrate();
      warnIfEmailCannotGo(triageConfig);
      OutboxSender sender =
          OutboxSender.fromConfig(
              triageConfig, database.jdbi(), System.getenv(), Clock.systemUTC());
      if (once) {
        SendReport report = sender.sendDue();
        print(System.out, report);
        return report.failed() + report.retrying() == 0 ? 0 : 1;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "outbox-shutdown"));
      System.out.println(
          "Sending the outbox every " + sender.interval() + ". Stop with Ctrl-C or SIGTERM.");
      do {
        sender.run();
      } while (!stopped.await(sender.interval().toMillis(), TimeUnit.MILLISECONDS));
      return 0;
    }
  }

  private static void warnIfEmailCannotGo(TriageConfig triageConfig) {
    if (triageConfig.smtp() == null) {
      System.err.println(
          "warning: " + triageConfig.file() + " has no smtp section: emails wait in the outbox");
      return;
    }
    new SmtpMailer(triageConfig.smtp(), System.getenv(), Clock.systemUTC())
        .problem()
        .ifPresent(p -> System.err.println("warning: " + p + ": emails wait in the outbox"));
  }

  static void print(PrintStream out, SendReport report) {
    out.printf(
        Locale.ROOT,
        "outbox: %d sent, %d to retry, %d failed (left for a person), %d waiting for office"
            + " hours%n",
        report.sent(),
        report.retrying(),
        report.failed(),
        report.waiting());
  }
}
