package uk.nhs.triage.bot.web.auth;

import io.javalin.http.Context;

/**
 * How a person proves who they are. The web server asks for {@link #begin} on {@code GET /login}
 * and {@link #complete} on the sign-in callback ({@code POST /login} for passwords; an OpenID
 * Connect provider would redirect back to {@code GET /login/callback}); it opens the session
 * itself, so sessions, CSRF and roles do not change when the way of signing in does. See
 * docs/decisions/sso.md.
 */
public interface Authenticator {

  /** Starts sign-in: shows the password form, or redirects to the identity provider. */
  void begin(Context ctx, String error);

  /** Finishes sign-in from the request; the person signed in, or why not. */
  SignInResult complete(Context ctx);

  /** What a sign-in attempt came to. */
  sealed interface SignInResult {
    record SignedIn(User user) implements SignInResult {}

    record Refused(String message) implements SignInResult {}
  }
}
