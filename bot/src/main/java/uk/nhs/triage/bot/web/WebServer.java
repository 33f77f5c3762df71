package uk.nhs.triage.bot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.store.TriageStore;
import uk.nhs.triage.bot.web.auth.Authenticator;
import uk.nhs.triage.bot.web.auth.Authenticator.SignInResult;
import uk.nhs.triage.bot.web.auth.LoginThrottle;
import uk.nhs.triage.bot.web.auth.OidcAuthenticator;
import uk.nhs.triage.bot.web.auth.OidcSettings;
import uk.nhs.triage.bot.web.auth.PasswordAuthenticator;
import uk.nhs.triage.bot.web.auth.Sessions;
import uk.nhs.triage.bot.web.auth.Sessions.Session;
import uk.nhs.triage.bot.web.auth.Users;
import uk.nhs.triage.bot.web.item.ReplyChecks;
import uk.nhs.triage.classifier.Classifier;

/** The triage web app the teams work in: sign-in, queues, items, FOI, media log, dashboard. */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final String SESSION_COOKIE = "triage_session";

  /** A strict policy: only this server's own files, no inline script or style, no framing. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Javalin app;
  private final WebSettings settings;

  private WebServer(Javalin app, WebSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  /**
   * Starts serving on the settings' address and port (port 0 picks a free one; see {@link #port}).
   */
  public static WebServer start(
      WebSettings settings,
      Jdbi jdbi,
      TriageStore store,
      Classifier classifier,
      ObjectMapper mapper,
      ZoneId zone) {
    return start(settings, jdbi, store, classifier, mapper, zone, System.getenv());
  }

  /**
   * As above, with the environment the OpenID Connect client secret is read from.
   *
   * @throws IllegalStateException when sign-in is by OpenID Connect and the secret's variable is
   *     not set
   */
  public static WebServer start(
      WebSettings settings,
      Jdbi jdbi,
      TriageStore store,
      Classifier classifier,
      ObjectMapper mapper,
      ZoneId zone,
      Map<String, String> environment) {
    Templates templates = new Templates();
    Users users = new Users(jdbi);
    Sessions sessions = new Sessions(jdbi, settings.sessionLifetime());
    Authenticator authenticator = authenticator(settings, users, jdbi, templates, environment);
    Format format = new Format(zone);
    ReplyChecks checks = ReplyChecks.load(classifier, settings.replyChecks());

    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.defaultContentType = "text/html; charset=utf-8";
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/static";
                    files.directory = "/web/static";
                    files.location = Location.CLASSPATH;
                  });
            });
    app.before(ctx -> securityHeaders(ctx));
    app.before(ctx -> authenticate(ctx, sessions));
    app.exception(
        IllegalArgumentException.class,
        (e, ctx) ->
            ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage()));

    new HealthCheck(jdbi).register(app);
    app.get("/login", ctx -> authenticator.begin(ctx, null));
    if (settings.signIn() == WebSettings.SignIn.OIDC) {
      app.get(
          OidcAuthenticator.CALLBACK_PATH, ctx -> complete(ctx, authenticator, sessions, settings));
    } else {
      app.post("/login", ctx -> complete(ctx, authenticator, sessions, settings));
    }
    app.post(
        "/logout",
        ctx -> {
          sessions.close(ctx.cookie(SESSION_COOKIE));
          ctx.res()
              .addHeader(
                  "Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
          ctx.redirect("/login");
        });

    new uk.nhs.triage.bot.web.pages.ItemPages(jdbi, mapper, templates, format, checks)
        .register(app);
    new uk.nhs.triage.bot.web.pages.TeamPages(jdbi, templates, format, users, sessions)
        .register(app);
    new uk.nhs.triage.bot.web.pages.DashboardPage(jdbi, templates, format, settings.crisis())
        .register(app);

    app.start(settings.bind(), settings.port());
    LOG.info("Web app listening on http://{}:{}/", settings.bind(), app.port());
    return new WebServer(app, settings);
  }

  /** Serves the running bot's database with its classifier and time zone. */
  public static WebServer forBot(WebSettings settings, Wiring wiring, TriageBot bot) {
    return start(
        settings,
        bot.database().jdbi(),
        bot.store(),
        wiring.classifier(),
        JsonMapper.create(),
        wiring.config().calendar().zone());
  }

  public int port() {
    return app.port();
  }

  public WebSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    app.stop();
  }

  private static Authenticator authenticator(
      WebSettings settings,
      Users users,
      Jdbi jdbi,
      Templates templates,
      Map<String, String> environment) {
    if (settings.signIn() == WebSettings.SignIn.OIDC) {
      OidcSettings oidc = settings.oidc();
      String secret =
          oidc.clientSecret(environment)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "web.oidc.client_secret_env: the environment variable "
                              + oidc.clientSecretEnv()
                              + " is not set"));
      return new OidcAuthenticator(
          oidc, secret, users, settings.secureCookies(), java.time.Clock.systemUTC());
    }
    LoginThrottle throttle = new LoginThrottle(jdbi, 5, Duration.ofMinutes(15));
    return new PasswordAuthenticator(users, throttle, templates, settings.secureCookies());
  }

  /** Opens a session for whoever the authenticator signed in, or shows why not. */
  private static void complete(
      Context ctx, Authenticator authenticator, Sessions sessions, WebSettings settings) {
    SignInResult result = authenticator.complete(ctx);
    if (result instanceof SignInResult.SignedIn signedIn) {
      String token = sessions.open(signedIn.user());
      // After an identity provider's redirect the browser's next request still counts as
      // cross-site, so a Strict cookie would not be sent and sign-in would loop; POSTs keep
      // their CSRF token either way.
      String sameSite = settings.signIn() == WebSettings.SignIn.OIDC ? "Lax" : "Strict";
      ctx.res()
          .addHeader(
              "Set-Cookie",
              SESSION_COOKIE
                  + "="
                  + token
                  + "; Path=/; HttpOnly; SameSite="
                  + sameSite
                  + (secure(ctx, settings) ? "; Secure" : ""));
      LOG.info("{} signed in from {}", signedIn.user().username(), ctx.ip());
      ctx.redirect("/");
    } else if (result instanceof SignInResult.Refused refused) {
      ctx.status(401);
      authenticator.begin(ctx, refused.message());
    }
  }

  private static boolean secure(Context ctx, WebSettings settings) {
    return settings.secureCookies() || "https".equals(ctx.scheme());
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }

  /**
   * Every page but sign-in and the static files needs a session; every POST but sign-in needs the
   * session's CSRF token.
   */
  private static void authenticate(Context ctx, Sessions sessions) {
    String path = ctx.path();
    if (path.equals("/login")
        || path.equals(OidcAuthenticator.CALLBACK_PATH)
        || path.equals("/health")
        || path.startsWith("/static/")) {
      return;
    }
    Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
        ctx.redirect("/login");
        ctx.skipRemainingHandlers();
        return;
      }
      throw new ForbiddenResponse("Not signed in.");
    }
    if (ctx.method() == HandlerType.POST) {
      String sent = ctx.formParam("_csrf");
      String expected = session.get().csrfToken();
      if (sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
        throw new ForbiddenResponse("Missing or wrong CSRF token: reload the page and try again.");
      }
    }
    ctx.attribute(WebRequest.SESSION, session.get());
  }
}
