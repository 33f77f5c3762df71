package uk.nhs.triage.adapters.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import okhttp3.Headers;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.http.ErrorPolicy;

/**
 * YouTube's error envelope {@code {"error":{"code","message","errors":[{"reason"}]}}}: a spent
 * daily quota comes back as 403, so the reason decides, not the status.
 */
final class YouTubeErrors implements ErrorPolicy {
  /** The daily quota resets at midnight Pacific time. */
  private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

  private static final Set<String> DAILY_QUOTA = Set.of("quotaExceeded", "dailyLimitExceeded");
  private static final Set<String> SHORT_LIMIT =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");
  private static final Set<String> BAD_CREDENTIALS =
      Set.of("authError", "keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_EXPIRED");
  private static final Duration SHORT_BACKOFF = Duration.ofMinutes(1);

  private final Clock clock;

  YouTubeErrors(Clock clock) {
    this.clock = clock;
  }

  @Override
  public AdapterException failure(
      int status, Headers headers, JsonNode body, String raw, String what) {
    Set<String> reasons = reasons(body);
    String said = what + " answered " + status + (reasons.isEmpty() ? "" : " " + reasons);
    if (reasons.stream().anyMatch(DAILY_QUOTA::contains)) {
      return new RateLimitedException(said + ": daily quota spent", nextQuotaReset());
    }
    if (status == 429 || reasons.stream().anyMatch(SHORT_LIMIT::contains)) {
      return new RateLimitedException(said, clock.instant().plus(SHORT_BACKOFF));
    }
    if (status == 401 || reasons.stream().anyMatch(BAD_CREDENTIALS::contains)) {
      return new AuthFailedException(said + ": the API key or OAuth token was refused");
    }
    return new AdapterException(said);
  }

  Instant nextQuotaReset() {
    LocalDate today = clock.instant().atZone(QUOTA_ZONE).toLocalDate();
    return today.plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
  }

  private static Set<String> reasons(JsonNode body) {
    Set<String> reasons = new LinkedHashSet<>();
    if (body == null) {
      return reasons;
    }
    JsonNode error = body.path("error");
    error.path("errors").forEach(e -> addText(reasons, e.path("reason")));
    error.path("details").forEach(d -> addText(reasons, d.path("reason")));
    return reasons;
  }

  private static void addText(Set<String> into, JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      into.add(node.asText());
    }
  }
}
