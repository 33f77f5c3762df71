package uk.nhs.triage.adapters.paging;

/**
 * The {@code max_pages} option of an account whose platform lists newest first: how many pages one
 * poll reads at most before it leaves the older ones unread (and says so).
 */
public final class MaxPages {
  /** Pages read when the option is not set. */
  public static final int DEFAULT = 10;

  private MaxPages() {}

  /**
   * @param account the account as a message names it (e.g. {@code x account x-main})
   * @param option the option's value, or null when not set
   * @throws IllegalArgumentException when the value is not a whole number of 1 or more
   */
  public static int parse(String account, String option) {
    if (option == null) {
      return DEFAULT;
    }
    try {
      int pages = Integer.parseInt(option.strip());
      if (pages >= 1) {
        return pages;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        account + ": option max_pages must be a whole number ≥ 1, was " + option);
  }

  /**
   * The problem a poll reports when it stopped at the limit with older items left unread.
   *
   * @param unread what was left, e.g. {@code mentions}
   */
  public static String stoppedAfter(String accountId, int pages, String unread) {
    return "account "
        + accountId
        + ": stopped after "
        + pages
        + " pages (option max_pages); older "
        + unread
        + " were not read";
  }
}
