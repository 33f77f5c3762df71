package uk.nhs.triage.adapters.stats;

import java.time.Instant;
import uk.nhs.triage.adapters.AccountStats;

/**
 * Counts an account's own posts, read newest first, into {@link AccountStats}: how many fall in the
 * last {@link AccountStats#POST_WINDOW} and when the newest was published.
 */
public final class PostTally {
  /**
   * Enough pages for any account that posts less than hourly; the rule cares about a few a week.
   */
  public static final int MAX_PAGES = 5;

  private final Instant windowStart;
  private int inWindow;
  private Instant newest;

  public PostTally(Instant now) {
    this.windowStart = now.minus(AccountStats.POST_WINDOW);
  }

  /**
   * Counts one original post (a null time is ignored).
   *
   * @return false once a post is older than the window, so the caller can stop paging
   */
  public boolean add(Instant publishedAt) {
    if (publishedAt == null) {
      return true;
    }
    if (newest == null || publishedAt.isAfter(newest)) {
      newest = publishedAt;
    }
    if (publishedAt.isBefore(windowStart)) {
      return false;
    }
    inWindow++;
    return true;
  }

  /** The figures, with what the platform says about the account itself (null where nothing). */
  public AccountStats stats(Integer followers, Instant accountCreatedAt) {
    return new AccountStats(followers, inWindow, newest, accountCreatedAt);
  }
}
