package uk.nhs.triage.bot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.web.WebServer;
import uk.nhs.triage.bot.web.WebSettings;
import uk.nhs.triage.bot.web.auth.Role;
import uk.nhs.triage.bot.web.auth.Sessions;
import uk.nhs.triage.bot.web.auth.Users;

/** The bot's main job on an embedded default: no accounts and no database to set up. */
@Command(
    name = "demo",
    description = {
      "Runs the bot's main job on an embedded default: an embedded PostgreSQL (unless",
      "TRIAGE_DB_URL is set), the demo replay account in config/demo/, the shipped rules.",
      "Prints what went to each queue."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The demo configuration (default: ${DEFAULT-VALUE}).")
  Path file = Path.of("config", "demo", "triage.yml");

  @Option(
      names = "--serve",
      description = {
        "After the summary, create demo users with random passwords, print their sign-ins and",
        "serve the web app until Ctrl-C."
      })
  boolean serve;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The web app's port with --serve (default: web.port in the config, else 8080).")
  Integer port;

  @Override
  public Integer call() {
    ConfigOption option = new ConfigOption();
    option.file = file;
    TriageConfig config = option.load();
    Wiring wiring = Wiring.of(config);
    System.out.println(
        "Demo: "
            + DatabaseChoice.describe(config.database(), System.getenv())
            + ", config "
            + file);
    try (TriageBot bot = TriageBot.start(wiring, System.getenv(), Clock.systemUTC())) {
      List<AccountPollResult> results = bot.pollOnce();
      PollSummary.print(System.out, results);
      System.out.println();
      QueueSummary.print(System.out, bot.store(), 50);
      boolean succeeded = results.stream().allMatch(AccountPollResult::succeeded);
      if (serve) {
        serve(wiring, bot);
      }
      return succeeded ? 0 : 1;
    }
  }

  private void serve(Wiring wiring, TriageBot bot) {
    WebSettings web = WebSettings.read(file);
    if (port != null) {
      web = web.withPort(port);
    }
    Users users = new Users(bot.database().jdbi());
    System.out.println();
    System.out.println("Demo sign-ins (new random passwords each run):");
    for (Role role : Role.values()) {
      String password = Sessions.randomToken().substring(0, 16);
      users.put(role.wireName(), role, password.toCharArray());
      System.out.printf("  %-13s password %s%n", role.wireName(), password);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (WebServer server = WebServer.forBot(web, wiring, bot)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-web-shutdown"));
      System.out.println(
          "Web app on http://" + web.bind() + ":" + server.port() + "/ . Stop with Ctrl-C.");
      System.out.flush();
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
