package uk.nhs.triage.bot.web.auth;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code web.oidc:} block: which OpenID Connect provider signs people in and how this app is
 * registered with it. The client secret stays in the environment variable named here.
 *
 * @param issuer the provider's issuer URL, e.g. {@code
 *     https://login.microsoftonline.com/<tenant>/v2.0}
 * @param usernameClaim the ID token claim matched against {@code web_user.username}
 */
public record OidcSettings(
    String issuer,
    String clientId,
    String clientSecretEnv,
    String redirectUri,
    String usernameClaim) {

  public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";

  /** The client secret from the environment, when the variable is set and not blank. */
  public Optional<String> clientSecret(Map<String, String> environment) {
    return Optional.ofNullable(environment.get(clientSecretEnv)).filter(s -> !s.isBlank());
  }
}
