package uk.nhs.triage.bot.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.pipeline.AccountPollResult.Outcome;

/** One line per account saying how its poll went, and why when it did not. */
public final class PollSummary {
  private PollSummary() {}

  public static void print(PrintStream out, List<AccountPollResult> results) {
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
