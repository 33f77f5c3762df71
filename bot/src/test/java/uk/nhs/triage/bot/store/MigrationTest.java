package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationTest {

  @RegisterExtension static final TestDatabase DB = TestDatabase.empty();

  @Test
  void migrationsCreateTheSchemaInAnEmptyDatabaseAndAreNotRunTwice() {
    assertThat(tables()).isEmpty();

    DB.database().migrate();
    DB.database().migrate();

    assertThat(tables())
        .contains(
            "account",
            "author",
            "comment",
            "classification",
            "triage_item",
            "foi_case",
            "media_enquiry",
            "outbox",
            "audit_log",
            "qrtz_job_details",
            "qrtz_triggers",
            "qrtz_locks");
    int applied =
        DB.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                        .mapTo(Integer.class)
                        .one());
    assertThat(applied).isEqualTo(migrationFiles());
  }

  /** Every migration shipped, applied exactly once. */
  private static long migrationFiles() {
    try (var files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> tables() {
    return DB.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' ORDER BY table_name")
                    .mapTo(String.class)
                    .list());
  }
}
