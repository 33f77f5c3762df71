package uk.nhs.triage.bot.store;

import java.time.Instant;

/**
 * One account's health, as the web app shows it: how polling goes and how the account fares against
 * the closure criteria of 002 §10.1 ({@link ClosureCriteria}). Figures are null where the platform
 * gives none or they were never read.
 *
 * @param healthy false after a failed poll (e.g. a refused token) until the next successful one
 * @param lastError why the last failed poll failed, null after a successful one
 * @param rateLimitedUntil the account is not polled before this time, null when not limited
 * @param statsCheckedAt when the platform's figures were last asked for (at most once a day)
 * @param statsError why that last attempt failed, null when it worked
 */
public record AccountHealthView(
    String accountId,
    String platform,
    String handle,
    boolean healthy,
    Instant lastPollAt,
    Instant lastSuccessAt,
    String lastError,
    Instant lastErrorAt,
    int consecutiveFailures,
    Instant rateLimitedUntil,
    long commentsSeen,
    Integer followers,
    Integer postsLast8Weeks,
    Instant lastOriginalPost,
    Instant accountCreatedAt,
    Instant statsCheckedAt,
    String statsError,
    boolean inactive,
    boolean lowFrequency,
    boolean lowInterest) {

  /** Any closure criterion met. */
  public boolean atRiskOfClosure() {
    return inactive || lowFrequency || lowInterest;
  }
}
