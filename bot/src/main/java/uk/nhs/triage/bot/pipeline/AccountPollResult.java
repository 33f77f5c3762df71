package uk.nhs.triage.bot.pipeline;

import java.util.List;

/**
 * How one account's poll went.
 *
 * @param received comments the platform gave
 * @param stored comments new to us, now triage items
 * @param problems entries the adapter passed over, each saying where and why
 * @param error why the poll stopped early, or null when it reached the end of what was new
 */
public record AccountPollResult(
    String accountId, int received, int stored, List<String> problems, String error) {
  public AccountPollResult {
    problems = List.copyOf(problems);
  }

  static AccountPollResult ok(String accountId, int received, int stored, List<String> problems) {
    return new AccountPollResult(accountId, received, stored, problems, null);
  }

  static AccountPollResult failed(
      String accountId, int received, int stored, List<String> problems, String error) {
    return new AccountPollResult(accountId, received, stored, problems, error);
  }

  public boolean succeeded() {
    return error == null;
  }
}
