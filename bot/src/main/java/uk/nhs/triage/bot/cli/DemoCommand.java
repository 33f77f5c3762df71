package uk.nhs.triage.bot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;

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
      return results.stream().allMatch(AccountPollResult::succeeded) ? 0 : 1;
    }
  }
}
