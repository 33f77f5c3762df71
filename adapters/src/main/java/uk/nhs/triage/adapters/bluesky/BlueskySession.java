package uk.nhs.triage.adapters.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.http.ErrorPolicy;
import uk.nhs.triage.adapters.http.PlatformHttp;

/**
 * The account's access token: a fixed {@code access_jwt}, or a session opened with the handle and
 * an app password ({@code com.atproto.server.createSession}) and opened again when it expires.
 */
final class BlueskySession {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final String accountId;
  private final String fixedJwt;
  private final String identifier;
  private final String appPassword;
  private final HttpUrl base;
  private final PlatformHttp http;
  private final ErrorPolicy errors;
  private String openedJwt;
  private String openedDid;

  BlueskySession(
      String accountId,
      String fixedJwt,
      String identifier,
      String appPassword,
      HttpUrl base,
      PlatformHttp http,
      ErrorPolicy errors) {
    this.accountId = accountId;
    this.fixedJwt = fixedJwt;
    this.identifier = identifier;
    this.appPassword = appPassword;
    this.base = base;
    this.http = http;
    this.errors = errors;
  }

  boolean renewable() {
    return fixedJwt == null;
  }

  synchronized String accessJwt() throws AdapterException {
    if (fixedJwt != null) {
      return fixedJwt;
    }
    if (openedJwt == null) {
      open();
    }
    return openedJwt;
  }

  /** The DID the session was opened for, or null with a fixed token. */
  synchronized String did() {
    return openedDid;
  }

  synchronized boolean isOpen() {
    return fixedJwt != null || openedJwt != null;
  }

  synchronized void forget() {
    openedJwt = null;
  }

  private void open() throws AdapterException {
    ObjectNode body = JSON.createObjectNode();
    body.put("identifier", identifier);
    body.put("password", appPassword);
    Request request =
        new Request.Builder()
            .url(base.newBuilder().addPathSegments("xrpc/com.atproto.server.createSession").build())
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .build();
    JsonNode session = http.send(request, errors).body();
    String jwt = session.path("accessJwt").asText("");
    if (jwt.isBlank()) {
      throw new MalformedPageException(
          "account " + accountId + ": createSession gave no accessJwt", null);
    }
    openedJwt = jwt;
    openedDid = session.path("did").asText(null);
  }
}
