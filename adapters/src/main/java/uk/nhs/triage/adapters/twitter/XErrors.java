package uk.nhs.triage.adapters.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import twitter4j.JSONException;
import twitter4j.RateLimitStatus;
import twitter4j.TwitterException;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.http.ErrorPolicy;
import uk.nhs.triage.adapters.http.RateLimitReset;

/**
 * What a twitter4j failure means for the poller. twitter4j puts the response body in its messages,
 * so ours are built from the status alone and name the account and request.
 */
final class XErrors implements ErrorPolicy {
  /** X counts requests in fifteen-minute windows. */
  private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  private final Clock clock;

  XErrors(Clock clock) {
    this.clock = clock;
  }

  AdapterException failure(Exception e, String what) {
    if (e instanceof TwitterException t && t.getStatusCode() >= 300) {
      int status = t.getStatusCode();
      if (status == 429) {
        return new RateLimitedException(what + " answered 429", resetAt(t));
      }
      if (status == 401 || status == 403) {
        return new AuthFailedException(
            what + " answered " + status + ": the token was refused or lacks access");
      }
      return new AdapterException(what + " answered " + status, e);
    }
    if (causedBy(e, JSONException.class) || e instanceof RuntimeException) {
      return new MalformedPageException(what + " answered with a body that cannot be read", e);
    }
    if (causedBy(e, InterruptedIOException.class)) {
      return new AdapterException(what + " timed out", e);
    }
    Throwable io = cause(e, IOException.class);
    return new AdapterException(
        what + " failed: " + (io == null ? e : io).getClass().getSimpleName(), e);
  }

  /** For calls made with okhttp where twitter4j cannot make them. */
  @Override
  public AdapterException failure(
      int status, Headers headers, JsonNode body, String raw, String what) {
    if (status == 429) {
      return new RateLimitedException(
          what + " answered 429", resetAt(headers.get("x-rate-limit-reset")));
    }
    if (status == 401 || status == 403) {
      return new AuthFailedException(
          what + " answered " + status + ": the token was refused or lacks access");
    }
    return new AdapterException(what + " answered " + status);
  }

  private Instant resetAt(TwitterException t) {
    RateLimitStatus status = t.getRateLimitStatus();
    if (status != null && status.getResetTimeInSeconds() > 0) {
      return Instant.ofEpochSecond(status.getResetTimeInSeconds());
    }
    return resetAt(t.getResponseHeader("x-rate-limit-reset"));
  }

  private Instant resetAt(String header) {
    return RateLimitReset.fromEpochSeconds(header, clock, DEFAULT_WINDOW);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    return cause(e, type) != null;
  }

  private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }
}
