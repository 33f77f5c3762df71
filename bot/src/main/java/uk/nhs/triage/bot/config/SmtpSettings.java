package uk.nhs.triage.bot.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The mail server the outbox sends notifications through ({@code smtp:} in the config file).
 *
 * @param host the SMTP server
 * @param port its port (587 for STARTTLS, 465 for SMTPS, 25 inside a trusted network)
 * @param from the address notifications come from
 * @param tls how the connection is protected
 * @param user the login, or null when the server takes mail without one
 * @param passwordEnv the NAME of the environment variable holding the password, or null
 * @param timeout how long to wait for the server on connect and on each command
 */
public record SmtpSettings(
    String host,
    int port,
    String from,
    Tls tls,
    String user,
    String passwordEnv,
    Duration timeout) {

  /** {@code starttls} (required, not merely tried), {@code smtps} (TLS from the start) or none. */
  public enum Tls {
    STARTTLS,
    SMTPS,
    NONE
  }

  /** The password, read now from the environment variable the config names. */
  public Optional<String> password(Map<String, String> environment) {
    return passwordEnv == null
        ? Optional.empty()
        : Optional.ofNullable(environment.get(passwordEnv));
  }

  /** Never prints the password variable's value (it has none to print, but says so plainly). */
  @Override
  public String toString() {
    return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + " (" + tls + ")";
  }
}
