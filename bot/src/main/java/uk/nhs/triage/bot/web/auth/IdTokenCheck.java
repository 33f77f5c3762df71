package uk.nhs.triage.bot.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * Checks an OpenID Connect ID token: an RS256 signature by one of the provider's keys, our issuer,
 * our client among the audiences, not expired, and the nonce this browser was given.
 */
final class IdTokenCheck {
  /** Clocks on different machines disagree by a little. */
  static final Duration SKEW = Duration.ofSeconds(60);

  private final String issuer;
  private final String clientId;
  private final Function<String, RSAPublicKey> keys;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  IdTokenCheck(String issuer, String clientId, Function<String, RSAPublicKey> keys, Clock clock) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The token's claims when every check passes.
   *
   * @throws OidcException saying which check failed
   */
  JsonNode claims(String idToken, String expectedNonce) {
    String[] parts = idToken == null ? new String[0] : idToken.split("\\.", -1);
    if (parts.length != 3) {
      throw new OidcException("the identity token is not a signed JWT");
    }
    JsonNode header = decode(parts[0]);
    if (!"RS256".equals(header.path("alg").asText())) {
      throw new OidcException("the identity token is not signed with RS256");
    }
    RSAPublicKey key = keys.apply(header.path("kid").asText(""));
    if (!verifies(key, parts)) {
      throw new OidcException("the identity token's signature does not verify");
    }
    JsonNode claims = decode(parts[1]);
    if (!issuer.equals(claims.path("iss").asText())) {
      throw new OidcException("the identity token comes from another issuer");
    }
    JsonNode aud = claims.path("aud");
    boolean forUs = aud.isTextual() && clientId.equals(aud.asText());
    if (aud.isArray()) {
      for (JsonNode one : aud) {
        forUs |= clientId.equals(one.asText());
      }
    }
    if (!forUs) {
      throw new OidcException("the identity token was issued for another application");
    }
    if (!claims.path("exp").canConvertToLong()
        || claims.path("exp").asLong() + SKEW.toSeconds() < clock.instant().getEpochSecond()) {
      throw new OidcException("the identity token has expired");
    }
    String nonce = claims.path("nonce").asText("");
    if (!MessageDigest.isEqual(
        nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
      throw new OidcException("the identity token does not belong to this sign-in");
    }
    return claims;
  }

  private static boolean verifies(RSAPublicKey key, String[] parts) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private JsonNode decode(String part) {
    try {
      JsonNode node = json.readTree(Base64.getUrlDecoder().decode(part));
      if (node == null || !node.isObject()) {
        throw new OidcException("the identity token is not readable");
      }
      return node;
    } catch (IOException | IllegalArgumentException e) {
      throw new OidcException("the identity token is not readable");
    }
  }
}
