package uk.nhs.triage.bot.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * How one account's poll went.
 *
 * @param received comments the platform gave
 * @param stored comments new to us, now triage items
 * @param problems entries the adapter passed over, each saying where and why
 * @param error why the poll stopped early or did not run, or null when it reached the end of what
 *     was new
 * @param outcome what kind of end the poll came to
 * @param retryAt for a rate limit, when the account may be polled again; else null
 */
public record AccountPollResult(
    String accountId,
    int received,
    int stored,
    List<String> problems,
    String error,
    Outcome outcome,
    Instant retryAt) {

  /** How a poll ended. */
  public enum Outcome {
    /** Read everything new. */
    OK,
    /** The platform asked us to wait; pages saved before that are kept. */
    RATE_LIMITED,
    /** Not polled: an earlier rate limit has not reset yet. */
    SKIPPED_RATE_LIMITED,
    /** The token was refused; the account is unhealthy until a person renews it. */
    AUTH_FAILED,
    /** Any other failure (a page that cannot be read, a time-out, a bug); retried next cycle. */
    FAILED
  }

  public AccountPollResult {
    problems = List.copyOf(problems);
  }

  /** A finished poll, or one that failed ({@code error} non-null), as before outcomes existed. */
  public AccountPollResult(
      String accountId, int received, int stored, List<String> problems, String error) {
    this(
        accountId,
        received,
        stored,
        problems,
        error,
        error == null ? Outcome.OK : Outcome.FAILED,
        null);
  }

  static AccountPollResult ok(String accountId, int received, int stored, List<String> problems) {
    return new AccountPollResult(accountId, received, stored, problems, null, Outcome.OK, null);
  }

  static AccountPollResult failed(
      String accountId,
      int received,
      int stored,
      List<String> problems,
      String error,
      Outcome outcome,
      Instant retryAt) {
    return new AccountPollResult(accountId, received, stored, problems, error, outcome, retryAt);
  }

  /** The account was not polled because its rate limit lasts until {@code until}. */
  public static AccountPollResult skipped(String accountId, Instant until) {
    return new AccountPollResult(
        accountId,
        0,
        0,
        List.of(),
        "rate limited until " + until + ": not polled",
        Outcome.SKIPPED_RATE_LIMITED,
        until);
  }

  /** The account could not even be set up for a poll (e.g. its adapter refused the settings). */
  public static AccountPollResult broken(String accountId, String error) {
    return new AccountPollResult(accountId, 0, 0, List.of(), error, Outcome.FAILED, null);
  }

  public boolean succeeded() {
    return error == null;
  }

  /**
   * True unless the poll failed in a way a person must look at: a wait the platform asked for is
   * not a failure of the bot.
   */
  public boolean acceptable() {
    return outcome == Outcome.OK
        || outcome == Outcome.RATE_LIMITED
        || outcome == Outcome.SKIPPED_RATE_LIMITED;
  }
}
