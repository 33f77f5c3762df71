package uk.nhs.triage.bot.web.auth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.nhs.triage.bot.web.Templates;

/**
 * Sign-in with a username and password kept in {@code web_user}, throttled per username and
 * address. The sign-in form carries a token that must match a cookie (the page has no session yet
 * to hold one), so another site cannot sign a browser in to an account of its choosing.
 */
public final class PasswordAuthenticator implements Authenticator {
  public static final String LOGIN_CSRF_COOKIE = "triage_login_csrf";

  private final Users users;
  private final LoginThrottle throttle;
  private final Templates templates;
  private final boolean secureCookies;

  public PasswordAuthenticator(
      Users users, LoginThrottle throttle, Templates templates, boolean secureCookies) {
    this.users = users;
    this.throttle = throttle;
    this.templates = templates;
    this.secureCookies = secureCookies;
  }

  @Override
  public void begin(Context ctx, String error) {
    // Keep the token a browser already holds: its other requests (a favicon, a second tab) land on
    // this page too, and a fresh token each time would break the form it is about to send.
    String held = ctx.cookie(LOGIN_CSRF_COOKIE);
    String token =
        held != null && held.matches("[A-Za-z0-9_-]{43}") ? held : Sessions.randomToken();
    ctx.res()
        .addHeader(
            "Set-Cookie",
            LOGIN_CSRF_COOKIE
                + "="
                + token
                + "; Path=/login; HttpOnly; SameSite=Strict"
                + (secureCookies || "https".equals(ctx.scheme()) ? "; Secure" : ""));
    Map<String, Object> model = new HashMap<>();
    model.put("loginCsrf", token);
    model.put("error", error);
    ctx.html(templates.render("login", model));
  }

  @Override
  public SignInResult complete(Context ctx) {
    String cookie = ctx.cookie(LOGIN_CSRF_COOKIE);
    String field = ctx.formParam("_csrf");
    if (cookie == null
        || field == null
        || !MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
      throw new io.javalin.http.ForbiddenResponse("The sign-in form expired: reload the page.");
    }
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String address = ctx.ip();
    if (throttle.locked(username, address)) {
      return new SignInResult.Refused(
          "Too many failed sign-ins. Try again in " + throttle.window().toMinutes() + " minutes.");
    }
    Optional<User> user = users.check(username, password.toCharArray());
    if (user.isEmpty()) {
      throttle.failed(username, address);
      return new SignInResult.Refused("Wrong username or password.");
    }
    throttle.succeeded(username, address);
    return new SignInResult.SignedIn(user.get());
  }
}
