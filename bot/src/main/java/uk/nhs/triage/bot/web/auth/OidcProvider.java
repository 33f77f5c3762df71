package uk.nhs.triage.bot.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An OpenID Connect provider as this app talks to it: its discovery document (fetched once), its
 * signing keys (fetched again only when a token names a key we have not seen, as after rotation)
 * and its token endpoint.
 */
final class OidcProvider {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String issuer;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private Endpoints endpoints;
  private Map<String, RSAPublicKey> keys = Map.of();

  record Endpoints(String authorization, String token, String jwks) {}

  OidcProvider(String issuer) {
    this.issuer = issuer;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  synchronized Endpoints endpoints() {
    if (endpoints == null) {
      String url =
          (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
              + "/.well-known/openid-configuration";
      JsonNode doc = getJson(url, "the discovery document");
      endpoints =
          new Endpoints(
              field(doc, "authorization_endpoint"),
              field(doc, "token_endpoint"),
              field(doc, "jwks_uri"));
    }
    return endpoints;
  }

  /** The RSA signing key with this id, refetching the key set once if it is not known. */
  synchronized RSAPublicKey key(String kid) {
    RSAPublicKey key = keys.get(kid);
    if (key == null) {
      keys = fetchKeys();
      key = keys.get(kid);
    }
    if (key == null) {
      throw new OidcException(
          "the identity token was signed with a key the provider does not list");
    }
    return key;
  }

  /** Exchanges an authorization code for the token response (client_secret_post, PKCE). */
  JsonNode redeem(String code, String verifier, String clientId, String secret, String redirect) {
    Map<String, String> form = new HashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirect);
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("code_verifier", verifier);
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoints().token()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return send(request, "the token endpoint");
  }

  private Map<String, RSAPublicKey> fetchKeys() {
    JsonNode set = getJson(endpoints().jwks(), "the signing keys");
    Map<String, RSAPublicKey> found = new HashMap<>();
    for (JsonNode jwk : set.path("keys")) {
      if ("RSA".equals(jwk.path("kty").asText())
          && jwk.hasNonNull("kid")
          && !"enc".equals(jwk.path("use").asText("sig"))) {
        try {
          Base64.Decoder b64 = Base64.getUrlDecoder();
          RSAPublicKeySpec spec =
              new RSAPublicKeySpec(
                  new BigInteger(1, b64.decode(jwk.path("n").asText())),
                  new BigInteger(1, b64.decode(jwk.path("e").asText())));
          found.put(
              jwk.get("kid").asText(),
              (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
          // A key we cannot read cannot have signed a token we accept; skip it.
        }
      }
    }
    return Map.copyOf(found);
  }

  private JsonNode getJson(String url, String what) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    return send(request, what);
  }

  private JsonNode send(HttpRequest request, String what) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new OidcException(what + " answered HTTP " + response.statusCode());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new OidcException("cannot reach " + what + " of the identity provider");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcException("interrupted while calling " + what);
    }
  }

  private static String field(JsonNode doc, String name) {
    String value = doc.path(name).asText("");
    if (value.isBlank()) {
      throw new OidcException("the discovery document has no " + name);
    }
    return value;
  }
}
