package uk.nhs.triage.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a rate limit resets, from a header in epoch seconds ({@code x-rate-limit-reset}...). */
public final class RateLimitReset {
  private RateLimitReset() {}

  /**
   * @param header the header's value, or null when it was not sent
   * @param window how long to wait from now when the header gives no reset
   */
  public static Instant fromEpochSeconds(String header, Clock clock, Duration window) {
    if (header != null) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(header.strip()));
      } catch (NumberFormatException e) {
        // fall back to the platform's usual window
      }
    }
    return clock.instant().plus(window);
  }
}
