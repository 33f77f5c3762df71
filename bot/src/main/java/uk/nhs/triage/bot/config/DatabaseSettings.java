package uk.nhs.triage.bot.config;

import java.util.Optional;

/**
 * Where triage items are stored.
 *
 * @param url the JDBC url, or null to run an embedded PostgreSQL
 * @param user the database user, or null
 * @param passwordEnv the NAME of the environment variable holding the password, or null
 */
public record DatabaseSettings(String url, String user, String passwordEnv) {
  public boolean embedded() {
    return url == null;
  }

  /** The password, read from the environment variable the config names. */
  public Optional<String> password() {
    return passwordEnv == null ? Optional.empty() : Optional.ofNullable(System.getenv(passwordEnv));
  }
}
