package uk.nhs.triage.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.store.Database;

/** Brings the database schema up to date. */
@Command(name = "migrate", description = "Brings the database schema up to date (Flyway).")
public final class MigrateCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    TriageConfig loaded = config.load();
    try (Database database = DatabaseChoice.open(loaded.database(), System.getenv())) {
      database.migrate();
      System.out.println(
          "Schema up to date in " + DatabaseChoice.describe(loaded.database(), System.getenv()));
    }
    return 0;
  }
}
