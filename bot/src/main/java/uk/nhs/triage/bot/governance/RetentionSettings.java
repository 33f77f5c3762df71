package uk.nhs.triage.bot.governance;

import java.nio.file.Path;
import uk.nhs.triage.bot.config.YamlNode;

/**
 * How long personal data is kept, from the config's {@code retention:} block:
 *
 * <pre>
 * retention:
 *   personal_data_days: 90
 * </pre>
 *
 * After that many days a comment's text, raw payload and author details are removed; its labels,
 * scores, decision and status stay for the teams' reports.
 */
public record RetentionSettings(int personalDataDays) {
  public static final int DEFAULT_DAYS = 90;

  public static RetentionSettings read(Path configFile) {
    YamlNode retention = YamlNode.read(configFile.toAbsolutePath().normalize()).get("retention");
    if (!retention.present()) {
      return new RetentionSettings(DEFAULT_DAYS);
    }
    retention.allowOnly("personal_data_days");
    String days = retention.text("personal_data_days", Integer.toString(DEFAULT_DAYS));
    try {
      int value = Integer.parseInt(days);
      if (value < 1) {
        throw retention.get("personal_data_days").error("must be at least 1 day");
      }
      return new RetentionSettings(value);
    } catch (NumberFormatException e) {
      throw retention.get("personal_data_days").error("expected a whole number of days");
    }
  }
}
