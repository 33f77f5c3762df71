package uk.nhs.triage.bot.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.YamlNode;

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
 * </pre>
 */
public record WebSettings(
    String bind,
    int port,
    boolean secureCookies,
    Duration sessionLifetime,
    Path replyChecks,
    CrisisRule crisis) {

  public static final int DEFAULT_PORT = 8080;

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
    web.allowOnly("bind", "port", "secure_cookies", "session_hours", "reply_checks", "crisis");
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
        crisis);
  }

  public WebSettings withPort(int newPort) {
    return new WebSettings(bind, newPort, secureCookies, sessionLifetime, replyChecks, crisis);
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
