package uk.nhs.triage.bot.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through an OpenID Connect provider such as Microsoft Entra ID: the authorization-code
 * flow with PKCE. The state, nonce and PKCE verifier ride in a short-lived cookie (the browser has
 * no session yet); the provider says who someone is, and only people already in {@code web_user}
 * get in. See docs/decisions/sso.md.
 */
public final class OidcAuthenticator implements Authenticator {
  public static final String FLOW_COOKIE = "triage_oidc";
  public static final String CALLBACK_PATH = "/login/callback";
  private static final Logger LOG = LoggerFactory.getLogger(OidcAuthenticator.class);
  private static final int FLOW_SECONDS = 600;

  private final OidcSettings settings;
  private final String clientSecret;
  private final Users users;
  private final boolean secureCookies;
  private final OidcProvider provider;
  private final IdTokenCheck check;

  public OidcAuthenticator(
      OidcSettings settings, String clientSecret, Users users, boolean secureCookies, Clock clock) {
    this.settings = settings;
    this.clientSecret = clientSecret;
    this.users = users;
    this.secureCookies = secureCookies;
    this.provider = new OidcProvider(settings.issuer());
    this.check = new IdTokenCheck(settings.issuer(), settings.clientId(), provider::key, clock);
  }

  @Override
  public void begin(Context ctx, String error) {
    if (error != null) {
      // Redirecting straight back to the provider after a refusal would loop; say why instead.
      page(ctx, error);
      return;
    }
    String authorization;
    try {
      authorization = provider.endpoints().authorization();
    } catch (OidcException e) {
      LOG.warn("OpenID Connect discovery failed: {}", e.getMessage());
      ctx.status(503);
      page(ctx, "The sign-in service cannot be reached just now. Try again in a minute.");
      return;
    }
    String state = Sessions.randomToken();
    String nonce = Sessions.randomToken();
    String verifier = Sessions.randomToken();
    setFlowCookie(ctx, state + "." + nonce + "." + verifier, FLOW_SECONDS);
    String url =
        authorization
            + (authorization.contains("?") ? "&" : "?")
            + "response_type=code"
            + "&client_id="
            + encode(settings.clientId())
            + "&redirect_uri="
            + encode(settings.redirectUri())
            + "&scope="
            + encode("openid profile email")
            + "&state="
            + state
            + "&nonce="
            + nonce
            + "&code_challenge="
            + challenge(verifier)
            + "&code_challenge_method=S256";
    ctx.redirect(url);
  }

  @Override
  public SignInResult complete(Context ctx) {
    String flow = ctx.cookie(FLOW_COOKIE);
    // One use only: a replayed callback finds no cookie.
    setFlowCookie(ctx, "", 0);
    String[] parts = flow == null ? new String[0] : flow.split("\\.");
    String state = ctx.queryParam("state");
    if (parts.length != 3
        || state == null
        || !MessageDigest.isEqual(
            parts[0].getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
      return refuse("the sign-in expired or did not start here");
    }
    if (ctx.queryParam("error") != null) {
      return refuse("the identity provider did not sign you in");
    }
    String code = ctx.queryParam("code");
    if (code == null || code.isBlank()) {
      return refuse("the identity provider sent no authorization code");
    }
    try {
      JsonNode tokens =
          provider.redeem(
              code, parts[2], settings.clientId(), clientSecret, settings.redirectUri());
      JsonNode claims = check.claims(tokens.path("id_token").asText(null), parts[1]);
      String username = claims.path(settings.usernameClaim()).asText("").strip();
      Optional<User> user =
          username.isEmpty() ? Optional.empty() : users.find(username.toLowerCase(Locale.ROOT));
      if (user.isEmpty()) {
        LOG.info("OpenID Connect sign-in refused: '{}' is not an enabled web user", username);
        return new SignInResult.Refused(
            "Your account is not set up for the triage app. Ask an admin to add you.");
      }
      return new SignInResult.SignedIn(user.get());
    } catch (OidcException e) {
      return refuse(e.getMessage());
    }
  }

  private static SignInResult refuse(String reason) {
    LOG.warn("OpenID Connect sign-in refused: {}", reason);
    return new SignInResult.Refused("Sign-in failed: " + reason + ". Try signing in again.");
  }

  private void setFlowCookie(Context ctx, String value, int maxAge) {
    // Lax, not Strict: the provider's redirect back to us is a cross-site navigation.
    ctx.res()
        .addHeader(
            "Set-Cookie",
            FLOW_COOKIE
                + "="
                + value
                + "; Path=/login; Max-Age="
                + maxAge
                + "; HttpOnly; SameSite=Lax"
                + (secureCookies || "https".equals(ctx.scheme()) ? "; Secure" : ""));
  }

  private static void page(Context ctx, String message) {
    String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    ctx.html(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title>"
            + "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main>"
            + "<h1>Sign in</h1><p role=\"alert\">"
            + escaped
            + "</p><p><a href=\"/login\">Sign in again</a></p></main></body></html>");
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
