package uk.nhs.triage.adapters.graph;

import java.time.Duration;
import java.util.Map;
import uk.nhs.triage.adapters.AccountSettings;

/**
 * The {@link AccountSettings#options()} a Graph account reads; each has a default so a plain
 * account needs none.
 *
 * @param lookback posts or media published this long ago or later are searched for comments ({@code
 *     lookback_days}, default 28)
 * @param overlap how far before the watermark comments are still looked for ({@code
 *     overlap_seconds}, default 300)
 * @param pageSize Graph's {@code limit} per page ({@code page_size}, default 100)
 * @param backoff the wait after a throttle error that gives no estimate ({@code
 *     rate_limit_backoff_minutes}, default 15)
 */
public record GraphOptions(Duration lookback, Duration overlap, int pageSize, Duration backoff) {

  public static GraphOptions of(AccountSettings settings) {
    Map<String, String> options = settings.options();
    return new GraphOptions(
        Duration.ofDays(number(settings, options, "lookback_days", 28)),
        Duration.ofSeconds(number(settings, options, "overlap_seconds", 300)),
        (int) number(settings, options, "page_size", 100),
        Duration.ofMinutes(number(settings, options, "rate_limit_backoff_minutes", 15)));
  }

  private static long number(
      AccountSettings settings, Map<String, String> options, String key, long fallback) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number < 0 || (key.equals("page_size") && (number < 1 || number > 100))) {
        throw new NumberFormatException("out of range");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "account "
              + settings.id()
              + ": option "
              + key
              + " must be a whole number"
              + (key.equals("page_size") ? " from 1 to 100" : " of 0 or more")
              + ", not '"
              + value
              + "'",
          e);
    }
  }
}
