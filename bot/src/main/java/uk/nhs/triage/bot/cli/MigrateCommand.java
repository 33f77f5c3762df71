package uk.nhs.triage.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.store.ServiceRole;

/** Brings the database schema up to date. */
@Command(name = "migrate", description = "Brings the database schema up to date (Flyway).")
public final class MigrateCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--service-role",
      paramLabel = "ROLE",
      description =
          "After migrating, grant the running service's privileges to this existing role: its"
              + " tables read and written, the audit log insert-only (docs/reliability.md).")
  String serviceRole;

  @Override
  public Integer call() {
    TriageConfig loaded = config.load();
    try (Database database = DatabaseChoice.open(loaded.database(), System.getenv())) {
      database.migrate();
      System.out.println(
          "Schema up to date in " + DatabaseChoice.describe(loaded.database(), System.getenv()));
      if (serviceRole != null) {
        ServiceRole.grant(database.jdbi(), serviceRole);
        System.out.println(
            "Granted the service's privileges to role "
                + serviceRole
                + " (audit_log: SELECT and INSERT only)");
      }
    }
    return 0;
  }
}
