package uk.nhs.triage.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import okhttp3.Headers;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.http.ErrorPolicy;

/**
 * What a Graph (Facebook or Instagram) error means. Graph is classified by {@code error.code}
 * before the HTTP status, because throttling has been seen as 400 and 403 as well as 429.
 */
public final class GraphErrorPolicy implements ErrorPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001, 80002);
  private static final Set<Integer> TOKEN_DEAD = Set.of(190, 102);
  private static final int PERMISSION_MISSING = 10;
  private static final int MAX_PLATFORM_MESSAGE = 200;

  private final Clock clock;
  private final Duration defaultBackoff;
  private final String token;

  /**
   * @param defaultBackoff how long to wait when a throttle error carries no estimate
   * @param token masked out of the platform's own error message, should it ever echo it
   */
  public GraphErrorPolicy(Clock clock, Duration defaultBackoff, String token) {
    this.clock = clock;
    this.defaultBackoff = defaultBackoff;
    this.token = token;
  }

  @Override
  public AdapterException failure(
      int status, Headers headers, JsonNode body, String raw, String what) {
    JsonNode error = body == null ? null : body.path("error");
    int code = error == null ? -1 : error.path("code").asInt(-1);
    String detail = detail(status, error);
    if (THROTTLED.contains(code) || status == 429) {
      return new RateLimitedException(
          what + " was rate limited (" + detail + ")", resetAt(headers));
    }
    if (TOKEN_DEAD.contains(code) || status == 401) {
      return new AuthFailedException(what + ": token expired or revoked (" + detail + ")");
    }
    if (code == PERMISSION_MISSING || (code >= 200 && code <= 299)) {
      return new AuthFailedException(
          what + ": the token lacks a permission this call needs (" + detail + ")");
    }
    if (status >= 500) {
      return new AdapterException(what + ": platform error (" + detail + ")");
    }
    return new AdapterException(what + " was refused (" + detail + ")");
  }

  private String detail(int status, JsonNode error) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (error == null || !error.isObject()) {
      return text.toString();
    }
    if (error.has("code")) {
      text.append(", code ").append(error.path("code").asText());
    }
    if (error.has("error_subcode")) {
      text.append(", subcode ").append(error.path("error_subcode").asText());
    }
    String message = error.path("message").asText("");
    if (!message.isEmpty()) {
      if (token != null && !token.isEmpty()) {
        message = message.replace(token, "***");
      }
      if (message.length() > MAX_PLATFORM_MESSAGE) {
        message = message.substring(0, MAX_PLATFORM_MESSAGE) + "…";
      }
      text.append(": ").append(message);
    }
    return text.toString();
  }

  /**
   * The longest {@code estimated_time_to_regain_access} (minutes) in the usage headers; Graph sends
   * them only once an app has made enough calls, so their absence means the default.
   */
  private Instant resetAt(Headers headers) {
    long minutes = 0;
    minutes = Math.max(minutes, regainMinutes(headers.get("X-Business-Use-Case-Usage")));
    minutes = Math.max(minutes, regainMinutes(headers.get("X-App-Usage")));
    minutes = Math.max(minutes, regainMinutes(headers.get("X-Page-Usage")));
    Duration wait = minutes > 0 ? Duration.ofMinutes(minutes) : defaultBackoff;
    return clock.instant().plus(wait);
  }

  private static long regainMinutes(String header) {
    if (header == null || header.isBlank()) {
      return 0;
    }
    try {
      long most = 0;
      for (JsonNode field : JSON.readTree(header).findValues("estimated_time_to_regain_access")) {
        most = Math.max(most, field.asLong(0));
      }
      return most;
    } catch (IOException e) {
      return 0;
    }
  }
}
