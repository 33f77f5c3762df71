package uk.nhs.triage.adapters.youtube;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.http.ErrorPolicy;
import uk.nhs.triage.adapters.http.SafeUrl;

/**
 * A write that YouTube answers with 204 and no body ({@code comments.setModerationStatus}), which
 * {@link uk.nhs.triage.adapters.http.PlatformHttp} would take for a broken page. Same time-outs and
 * masked URLs.
 */
final class NoContentCall {
  private final OkHttpClient client;
  private final String accountId;
  private final ErrorPolicy errors;

  NoContentCall(String accountId, Duration timeout, ErrorPolicy errors) {
    this.accountId = accountId;
    this.errors = errors;
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
  }

  void send(Request request) throws AdapterException {
    String what =
        "account " + accountId + ": " + request.method() + " " + SafeUrl.of(request.url());
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        String raw = response.body() == null ? "" : response.body().string();
        throw errors.failure(response.code(), response.headers(), parse(raw), raw, what);
      }
    } catch (InterruptedIOException e) {
      throw new AdapterException(what + " timed out", e);
    } catch (IOException e) {
      throw new AdapterException(what + " failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String raw) {
    try {
      return raw.isBlank() ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw);
    } catch (IOException e) {
      return null;
    }
  }
}
