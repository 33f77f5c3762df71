package uk.nhs.triage.bot.web.auth;

/** Why an OpenID Connect sign-in failed, in words safe to show: never a token's contents. */
final class OidcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OidcException(String reason) {
    super(reason);
  }
}
