package uk.nhs.triage.bot.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.pipeline.AccountPollResult.Outcome;

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
      print(System.out, results);
      return results.stream().allMatch(AccountPollResult::acceptable) ? 0 : 1;
    }
  }

  static void print(PrintStream out, List<AccountPollResult> results) {
    for (AccountPollResult r : results) {
      if (r.outcome() == Outcome.SKIPPED_RATE_LIMITED) {
        out.printf(
            Locale.ROOT,
            "account %-20s RATE LIMITED until %s: not polled%n",
            r.accountId(),
            r.retryAt());
        continue;
      }
      out.printf(
          Locale.ROOT,
          "account %-20s %s: %d comments fetched, %d new, %d passed over%n",
          r.accountId(),
          status(r),
          r.received(),
          r.stored(),
          r.problems().size());
      r.problems().forEach(p -> out.println("    passed over: " + p));
      if (!r.succeeded()) {
        out.println("    " + r.error());
      }
    }
  }

  private static String status(AccountPollResult r) {
    return switch (r.outcome()) {
      case OK -> "ok";
      case RATE_LIMITED -> "RATE LIMITED until " + r.retryAt() + " (saved so far kept)";
      case SKIPPED_RATE_LIMITED -> "RATE LIMITED";
      case AUTH_FAILED -> "AUTH FAILED (account marked unhealthy)";
      case FAILED -> "FAILED";
    };
  }
}
