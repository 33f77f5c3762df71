package uk.nhs.triage.bot.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads the outbox sender's part of the config file: {@code smtp}, {@code outbox} and {@code
 * destinations.media}. Kept apart from {@link TriageConfigReader} so the sections stay separate.
 */
final class NotifyConfigReader {
  static final String MEDIA = "media";

  /** Null when there is no {@code smtp} section: the bot then emails nothing. */
  SmtpSettings smtp(YamlNode node) {
    if (!node.present()) {
      return null;
    }
    node.allowOnly("host", "port", "from", "tls", "user", "password_env", "timeout");
    String host = node.requiredText("host");
    SmtpSettings.Tls tls = tls(node.get("tls"));
    int port = port(node.get("port"), tls == SmtpSettings.Tls.SMTPS ? 465 : 587);
    String from = TriageConfigReader.email(node.required("from"));
    String user = node.text("user", null);
    String passwordEnv = null;
    YamlNode password = node.get("password_env");
    if (password.present()) {
      passwordEnv = TriageConfigReader.envName(password);
    }
    if (user != null && passwordEnv == null) {
      throw password.error("missing required key when smtp.user is given");
    }
    Duration timeout = TriageConfigReader.duration(node.get("timeout"), "PT30S");
    return new SmtpSettings(host, port, from, tls, user, passwordEnv, timeout);
  }

  OutboxSettings outbox(YamlNode node) {
    if (!node.present()) {
      return OutboxSettings.DEFAULTS;
    }
    node.allowOnly("interval", "max_attempts", "first_retry", "max_retry", "lease");
    OutboxSettings defaults = OutboxSettings.DEFAULTS;
    Duration firstRetry =
        TriageConfigReader.duration(node.get("first_retry"), defaults.firstRetry().toString());
    Duration maxRetry =
        TriageConfigReader.duration(node.get("max_retry"), defaults.maxRetry().toString());
    if (maxRetry.compareTo(firstRetry) < 0) {
      throw node.get("max_retry").error("must not be shorter than outbox.first_retry");
    }
    return new OutboxSettings(
        TriageConfigReader.duration(node.get("interval"), defaults.interval().toString()),
        positive(node.get("max_attempts"), defaults.maxAttempts()),
        firstRetry,
        maxRetry,
        TriageConfigReader.duration(node.get("lease"), defaults.lease().toString()));
  }

  /** {@code destinations.media}, or null when media enquiries go to the comms destination. */
  String mediaDestination(YamlNode destinations) {
    YamlNode media = destinations.get(MEDIA);
    return media.present() ? TriageConfigReader.email(media) : null;
  }

  private static SmtpSettings.Tls tls(YamlNode node) {
    if (!node.present()) {
      return SmtpSettings.Tls.STARTTLS;
    }
    try {
      return SmtpSettings.Tls.valueOf(node.text().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error("expected starttls, smtps or none but found '" + node.text() + "'");
    }
  }

  private static int port(YamlNode node, int fallback) {
    if (!node.present()) {
      return fallback;
    }
    int port = number(node);
    if (port < 1 || port > 65535) {
      throw node.error("expected a port from 1 to 65535 but found " + port);
    }
    return port;
  }

  private static int positive(YamlNode node, int fallback) {
    if (!node.present()) {
      return fallback;
    }
    int value = number(node);
    if (value < 1) {
      throw node.error("must be at least 1 but found " + value);
    }
    return value;
  }

  private static int number(YamlNode node) {
    try {
      return Integer.parseInt(node.text());
    } catch (NumberFormatException e) {
      throw node.error("expected a whole number but found '" + node.text() + "'");
    }
  }
}
