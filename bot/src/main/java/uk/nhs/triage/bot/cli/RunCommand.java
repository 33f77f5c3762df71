package uk.nhs.triage.bot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.schedule.PollScheduler;
import uk.nhs.triage.bot.web.WebServer;
import uk.nhs.triage.bot.web.WebSettings;

/** The service: every account polled on its own schedule until the process is stopped. */
@Command(
    name = "run",
    description = {
      "Runs the service: Quartz polls each account at its interval, with its job store in the",
      "triage database, so several processes on one database share the accounts safely."
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
    CountDownLatch stopped = new CountDownLatch(1);
    Wiring wiring = config.wiring();
    WebSettings web = WebSettings.read(config.file);
    if (port != null) {
      web = web.withPort(port);
    }
    try (TriageBot bot = TriageBot.start(wiring, System.getenv(), Clock.systemUTC());
        PollScheduler scheduler = new PollScheduler(bot, bot.database().dataSource(), instance);
        WebServer server = WebServer.forBot(web, wiring, bot)) {
      scheduler.schedule(bot.accounts());
      scheduler.start();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "triage-shutdown"));
      System.out.println(
          "Polling "
              + bot.accounts().size()
              + " accounts; the web app is on http://"
              + web.bind()
              + ":"
              + server.port()
              + "/. Stop with Ctrl-C or SIGTERM.");
      stopped.await();
    }
    return 0;
  }
}
