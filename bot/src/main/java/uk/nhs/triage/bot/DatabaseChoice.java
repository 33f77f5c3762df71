package uk.nhs.triage.bot;

import java.util.Map;
import uk.nhs.triage.bot.config.DatabaseSettings;
import uk.nhs.triage.bot.store.Database;

/**
 * Which PostgreSQL the bot uses: {@code TRIAGE_DB_URL} (with {@code TRIAGE_DB_USER} and {@code
 * TRIAGE_DB_PASSWORD}) wins; else the config file's {@code database}; else an embedded server.
 */
public final class DatabaseChoice {
  public static final String URL_ENV = "TRIAGE_DB_URL";
  public static final String USER_ENV = "TRIAGE_DB_USER";
  public static final String PASSWORD_ENV = "TRIAGE_DB_PASSWORD";

  private DatabaseChoice() {}

  public static Database open(DatabaseSettings settings, Map<String, String> environment) {
    String url = environment.get(URL_ENV);
    if (url != null && !url.isBlank()) {
      return Database.connect(url, environment.get(USER_ENV), environment.get(PASSWORD_ENV));
    }
    if (!settings.embedded()) {
      return Database.connect(settings.url(), settings.user(), settings.password().orElse(null));
    }
    return Database.embedded(null);
  }

  /** Says in words which database a run uses, without any secret. */
  public static String describe(DatabaseSettings settings, Map<String, String> environment) {
    String url = environment.get(URL_ENV);
    if (url != null && !url.isBlank()) {
      return url + " (from " + URL_ENV + ")";
    }
    return settings.embedded() ? "an embedded PostgreSQL" : settings.url();
  }
}
