package uk.nhs.triage.bot.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.pipeline.AccountPollResult;

/** One poll of every configured account, then a summary. */
@Command(
    name = "poll",
    description = "Polls every enabled account once into the database, then prints a summary.")
public final class PollCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--once", required = true, description = "One cycle, then exit.")
  boolean once;

  @Override
  public Integer call() {
    try (TriageBot bot = TriageBot.start(config.wiring(), System.getenv(), Clock.systemUTC())) {
      List<AccountPollResult> results = bot.pollOnce();
      PollSummary.print(System.out, results);
      return results.stream().allMatch(AccountPollResult::acceptable) ? 0 : 1;
    }
  }
}
