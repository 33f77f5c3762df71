package uk.nhs.triage.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.MalformedPageException;

/**
 * One HTTP call to a platform, as every okhttp-based adapter makes it: time-outs on every call, the
 * body read as JSON, and failures turned into {@link AdapterException}s whose messages name the
 * account and the request but never a token (see {@link SafeUrl}).
 */
public final class PlatformHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  private final OkHttpClient client;
  private final String accountId;

  public PlatformHttp(String accountId, Duration timeout) {
    this.accountId = accountId;
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

  /**
   * Sends the request and returns the JSON body of a 2xx answer; any other status goes to the
   * platform's {@link ErrorPolicy}, which says what it means.
   */
  public JsonResponse send(Request request, ErrorPolicy errors) throws AdapterException {
    return exchange(request, errors, false);
  }

  /** Sends a write the platform may answer with no body (e.g. 204); any 2xx is success. */
  public void sendWrite(Request request, ErrorPolicy errors) throws AdapterException {
    exchange(request, errors, true);
  }

  private JsonResponse exchange(Request request, ErrorPolicy errors, boolean bodyOptional)
      throws AdapterException {
    String what =
        "account " + accountId + ": " + request.method() + " " + SafeUrl.of(request.url());
    Response answer;
    try {
      answer = client.newCall(request).execute();
    } catch (InterruptedIOException e) {
      throw new AdapterException(what + " timed out", e);
    } catch (IOException e) {
      throw new AdapterException(what + " failed: " + e.getClass().getSimpleName(), e);
    } catch (IllegalStateException e) {
      // okhttp 4.11-4.12 (square/okhttp#8283): a request that cannot be written on a pooled
      // connection the server has dropped surfaces as "state: 0" instead of an IOException.
      throw new AdapterException(
          what + " failed: the connection broke (" + e.getMessage() + ")", e);
    }
    try (Response response = answer) {
      String raw = readBody(response.body(), what);
      JsonNode body = parseOrNull(raw);
      if (!response.isSuccessful()) {
        throw errors.failure(response.code(), response.headers(), body, raw, what);
      }
      if (body == null && bodyOptional) {
        return new JsonResponse(response.code(), response.headers(), JSON.missingNode());
      }
      if (body == null) {
        throw new MalformedPageException(
            what + " answered " + response.code() + " but not JSON", null);
      }
      return new JsonResponse(response.code(), response.headers(), body);
    } catch (InterruptedIOException e) {
      throw new AdapterException(what + " timed out", e);
    } catch (IOException e) {
      throw new AdapterException(what + " failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static String readBody(ResponseBody body, String what) throws IOException {
    if (body == null) {
      return "";
    }
    if (body.contentLength() > MAX_BODY_BYTES) {
      throw new IOException(what + " sent a body of " + body.contentLength() + " bytes");
    }
    return body.string();
  }

  private static JsonNode parseOrNull(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
