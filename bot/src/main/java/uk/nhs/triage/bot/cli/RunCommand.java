package uk.nhs.triage.bot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.notify.OutboxSender;
import uk.nhs.triage.bot.schedule.PollScheduler;
import uk.nhs.triage.bot.web.WebServer;
import uk.nhs.triage.bot.web.WebSettings;

/** The service: accounts polled on their schedules, the outbox sent, the web app served. */
@Command(
    name = "run",
    description = {
      "Runs the service: Quartz polls each account at its interval and sends the outbox, with its",
      "job store in the triage database, so several processes on one database share the work",
      "safely; the triage web app is served alongside."
    })
public final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--instance",
      paramLabel = "NAME",
      description = "This process's name in the cluster (default: host name and a timestamp).")
  String instance = "AUTO";

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The web app's port (default: web.port in the config, else 8080).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    Wiring wiring = config.wiring();
    WebSettings web = WebSettings.read(config.file);
    if (port != null) {
      web = web.withPort(port);
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM ends once its shutdown hooks return, so the hook waits until the scheduler has let
    // the running polls finish and the database pool is closed. It is added only now, with the
    // finally below sure to release it: a start-up failure must not leave exit waiting forever.
    Thread hook =
        new Thread(
            () -> {
              stopRequested.countDown();
              awaitQuietly(stopped);
            },
            "triage-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (TriageBot bot = TriageBot.start(wiring, System.getenv(), Clock.systemUTC());
        PollScheduler scheduler = new PollScheduler(bot, bot.database().dataSource(), instance);
        WebServer server = WebServer.forBot(web, wiring, bot)) {
      scheduler.schedule(bot.accounts());
      scheduler.scheduleOutbox(
          OutboxSender.fromConfig(
              bot.config(), bot.database().jdbi(), System.getenv(), Clock.systemUTC()));
      scheduler.start();
      System.out.println(
          "Polling "
              + bot.accounts().size()
              + " accounts; the web app is on http://"
              + web.bind()
              + ":"
              + server.port()
              + "/. Stop with Ctrl-C or SIGTERM.");
      stopRequested.await();
      System.out.println("Stopping: waiting for running polls to finish.");
    } finally {
      // Said before the hook is released: once it returns, the JVM may end at any moment.
      System.out.println("Stopped: scheduler, web app and database closed.");
      System.out.flush();
      stopped.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
