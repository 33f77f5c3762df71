package uk.nhs.triage.adapters;

import java.time.Duration;
import java.time.Instant;

/**
 * What a platform says about our own account, for the account-health checks (002 §10.1: closed for
 * inactivity, low frequency or low interest). Each figure is null where the platform gives nothing.
 *
 * @param followers followers, subscribers or page followers
 * @param postsLast8Weeks original posts (not replies, not reposts) in the last {@link #POST_WINDOW}
 * @param lastOriginalPost when the newest original post was published
 * @param accountCreatedAt when the account was opened, for the "after six months" of the
 *     low-interest rule
 */
public record AccountStats(
    Integer followers,
    Integer postsLast8Weeks,
    Instant lastOriginalPost,
    Instant accountCreatedAt) {
  /** The "two months" of the low-frequency rule, counted as eight weeks. */
  public static final Duration POST_WINDOW = Duration.ofDays(56);
}
