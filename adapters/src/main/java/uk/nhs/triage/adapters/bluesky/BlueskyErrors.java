package uk.nhs.triage.adapters.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import okhttp3.Headers;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.http.ErrorPolicy;
import uk.nhs.triage.adapters.http.RateLimitReset;

/**
 * XRPC errors {@code {"error":"<Name>","message":"..."}}: the name decides, because an expired
 * token comes back as 400, not 401.
 */
final class BlueskyErrors implements ErrorPolicy {
  private static final Set<String> DEAD_TOKEN =
      Set.of("ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing");

  /** Bluesky counts requests over five-minute windows. */
  private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private final Clock clock;

  BlueskyErrors(Clock clock) {
    this.clock = clock;
  }

  @Override
  public AdapterException failure(
      int status, Headers headers, JsonNode body, String raw, String what) {
    String name = body == null ? "" : body.path("error").asText("");
    String said = what + " answered " + status + (name.isBlank() ? "" : " " + name);
    if (status == 429 || name.equals("RateLimitExceeded")) {
      return new RateLimitedException(said, resetAt(headers));
    }
    if (status == 401 || DEAD_TOKEN.contains(name)) {
      return new AuthFailedException(said + ": the session token was refused");
    }
    return new AdapterException(said);
  }

  private Instant resetAt(Headers headers) {
    return RateLimitReset.fromEpochSeconds(headers.get("ratelimit-reset"), clock, DEFAULT_WINDOW);
  }
}
