package uk.nhs.triage.bot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.governance.RetentionPurge;
import uk.nhs.triage.bot.governance.RetentionSettings;
import uk.nhs.triage.bot.store.Database;

/** Removes personal data older than the retention period; the anonymised decisions stay. */
@Command(
    name = "purge",
    description = {
      "Removes comment text, raw payloads and author details older than retention.",
      "personal_data_days (default 90); labels, decisions and dates stay for reports."
    })
public final class PurgeCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--days", paramLabel = "N", description = "Override the configured period.")
  Integer days;

  @Override
  public Integer call() {
    TriageConfig loaded = config.load();
    int period = days != null ? days : RetentionSettings.read(config.file).personalDataDays();
    try (Database database = DatabaseChoice.open(loaded.database(), System.getenv())) {
      database.migrate();
      int purged = new RetentionPurge(database.jdbi(), Clock.systemUTC()).purge(period);
      System.out.println(
          "Purged personal data from " + purged + " comments older than " + period + " days.");
    }
    return 0;
  }
}
