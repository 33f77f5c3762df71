package uk.nhs.triage.bot.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.YamlNode;
import uk.nhs.triage.bot.web.auth.OidcSettings;

/**
 * The {@code web:} block of the configuration file, every key optional:
 *
 * <pre>
 * web:
 *   bind: 127.0.0.1          # address to listen on
 *   port: 8080
 *   secure_cookies: false    # true when a TLS proxy sits in front of the app
 *   session_hours: 10
 *   reply_checks: reply-checks.txt
 *   crisis:
 *     min_comments: 5        # negative or patient_safety comments in the last hour ...
 *     times_average: 4       # ... and this many times the account's hourly average of 7 days
 *   sign_in: password        # or oidc, with the block below (docs/decisions/sso.md)
 *   oidc:
 *     issuer: https://login.microsoftonline.com/TENANT/v2.0
 *     client_id: ...
 *     client_secret_env: TRIAGE_OIDC_CLIENT_SECRET
 *     redirect_uri: https://triage.example.nhs.uk/login/callback
 *     username_claim: preferred_username
 * </pre>
 *
 * @param oidc the provider when {@code signIn} is {@link SignIn#OIDC}, else null
 */
public record WebSettings(
    String bind,
    int port,
    boolean secureCookies,
    Duration sessionLifetime,
    Path replyChecks,
    CrisisRule crisis,
    SignIn signIn,
    OidcSettings oidc) {

  public static final int DEFAULT_PORT = 8080;

  /** How people prove who they are. */
  public enum SignIn {
    PASSWORD,
    OIDC
  }

  public WebSettings {
    if (signIn == SignIn.OIDC && oidc == null) {
      throw new IllegalArgumentException("sign_in: oidc needs the oidc settings");
    }
  }

  /** Password sign-in. */
  public WebSettings(
      String bind,
      int port,
      boolean secureCookies,
      Duration sessionLifetime,
      Path replyChecks,
      CrisisRule crisis) {
    this(bind, port, secureCookies, sessionLifetime, replyChecks, crisis, SignIn.PASSWORD, null);
  }

  /** Reads the {@code web:} block of the configuration file. */
  public static WebSettings read(Path configFile) {
    YamlNode root = YamlNode.read(configFile.toAbsolutePath().normalize());
    YamlNode web = root.get("web");
    Path folder = root.file().getParent();
    if (!web.present()) {
      return new WebSettings(
          "127.0.0.1",
          DEFAULT_PORT,
          false,
          Duration.ofHours(10),
          replyChecks(folder, null, web),
          CrisisRule.DEFAULT);
    }
    web.allowOnly(
        "bind",
        "port",
        "secure_cookies",
        "session_hours",
        "reply_checks",
        "crisis",
        "sign_in",
        "oidc");
    SignIn signIn = signIn(web);
    if (signIn == SignIn.PASSWORD && web.get("oidc").present()) {
      web.get("oidc")
          .allowOnly("issuer", "client_id", "client_secret_env", "redirect_uri", "username_claim");
    }
    YamlNode crisisNode = web.get("crisis");
    CrisisRule crisis = CrisisRule.DEFAULT;
    if (crisisNode.present()) {
      crisisNode.allowOnly("min_comments", "times_average");
      crisis =
          new CrisisRule(
              number(crisisNode, "min_comments", CrisisRule.DEFAULT.minComments()),
              number(crisisNode, "times_average", CrisisRule.DEFAULT.timesAverage()));
    }
    return new WebSettings(
        web.text("bind", "127.0.0.1"),
        (int) number(web, "port", DEFAULT_PORT),
        web.bool("secure_cookies", false),
        Duration.ofHours((long) number(web, "session_hours", 10)),
        replyChecks(folder, web.text("reply_checks", null), web),
        crisis,
        signIn,
        signIn == SignIn.OIDC ? oidc(web.required("oidc")) : null);
  }

  public WebSettings withPort(int newPort) {
    return new WebSettings(
        bind, newPort, secureCookies, sessionLifetime, replyChecks, crisis, signIn, oidc);
  }

  private static SignIn signIn(YamlNode web) {
    String text = web.text("sign_in", "password");
    return switch (text) {
      case "password" -> SignIn.PASSWORD;
      case "oidc" -> SignIn.OIDC;
      default ->
          throw web.get("sign_in").error("expected password or oidc but found '" + text + "'");
    };
  }

  private static OidcSettings oidc(YamlNode oidc) {
    oidc.allowOnly("issuer", "client_id", "client_secret_env", "redirect_uri", "username_claim");
    String issuer = oidc.requiredText("issuer");
    if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
      throw oidc.get("issuer").error("expected an https:// URL but found '" + issuer + "'");
    }
    String redirect = oidc.requiredText("redirect_uri");
    if (!redirect.startsWith("https://") && !redirect.startsWith("http://")
        || !redirect.endsWith("/login/callback")) {
      throw oidc.get("redirect_uri")
          .error(
              "expected this app's address ending in /login/callback but found '" + redirect + "'");
    }
    return new OidcSettings(
        issuer,
        oidc.requiredText("client_id"),
        oidc.requiredText("client_secret_env"),
        redirect,
        oidc.text("username_claim", OidcSettings.DEFAULT_USERNAME_CLAIM));
  }

  private static double number(YamlNode node, String key, double fallback) {
    String text = node.text(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text);
      if (value < 0) {
        throw node.get(key).error("must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw node.get(key).error("expected a number but found '" + text + "'");
    }
  }

  /** The named file, else reply-checks.txt next to the config file or in the folder above it. */
  private static Path replyChecks(Path folder, String named, YamlNode web) {
    if (named != null) {
      Path file = folder.resolve(named).normalize();
      if (!Files.isRegularFile(file)) {
        throw web.get("reply_checks").error("no such file " + file);
      }
      return file;
    }
    for (Path candidate :
        new Path[] {folder.resolve("reply-checks.txt"), folder.resolve("../reply-checks.txt")}) {
      if (Files.isRegularFile(candidate)) {
        return candidate.normalize();
      }
    }
    throw new ConfigException(
        folder.resolve("reply-checks.txt"),
        "web.reply_checks",
        "no reply checks file: put reply-checks.txt next to the configuration file or name it in"
            + " web.reply_checks");
  }
}
