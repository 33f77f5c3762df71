package uk.nhs.triage.bot.store;

import java.time.Duration;
import java.time.Instant;
import uk.nhs.triage.adapters.AccountStats;

/**
 * When a corporate account may be closed, from Shropshire's policy (002 §10.1): inactivity (no
 * original post in a month), low frequency (under one post a week over two months) and low interest
 * (under 100 followers after six months). The thresholds are the policy's own words, so they live
 * here beside the rule rather than in a config file.
 */
public final class ClosureCriteria {
  /** "No original post in a month". */
  public static final Duration INACTIVE_AFTER = Duration.ofDays(30);

  /** "Under one post a week over two months", two months counted as eight weeks. */
  public static final int MIN_POSTS_IN_8_WEEKS = 8;

  /** "Under 100 followers after six months". */
  public static final int MIN_FOLLOWERS = 100;

  public static final Duration FOLLOWERS_GRACE = Duration.ofDays(183);

  private ClosureCriteria() {}

  /**
   * True when the newest original post is over a month old, or none was found at all. Unknown (the
   * platform gave no posts figure) is false: the criterion is not shown as met.
   */
  public static boolean inactive(AccountStats stats, Instant now) {
    if (stats == null || stats.postsLast8Weeks() == null) {
      return false;
    }
    return stats.lastOriginalPost() == null
        || stats.lastOriginalPost().isBefore(now.minus(INACTIVE_AFTER));
  }

  public static boolean lowFrequency(AccountStats stats) {
    return stats != null
        && stats.postsLast8Weeks() != null
        && stats.postsLast8Weeks() < MIN_POSTS_IN_8_WEEKS;
  }

  /**
   * @param since when the account was opened (the platform's date, else when the bot first checked
   *     it)
   */
  public static boolean lowInterest(AccountStats stats, Instant since, Instant now) {
    return stats != null
        && stats.followers() != null
        && stats.followers() < MIN_FOLLOWERS
        && since != null
        && !since.isAfter(now.minus(FOLLOWERS_GRACE));
  }
}
