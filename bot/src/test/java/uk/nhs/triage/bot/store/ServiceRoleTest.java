package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.governance.RetentionPurge;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

/** The service connects as its own role: it can do its work, but cannot rewrite the audit log. */
class ServiceRoleTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final String ROLE = "triage_svc_" + ProcessHandle.current().pid();
  private static final String PASSWORD = "service-role-test";

  @BeforeAll
  static void createTheServiceRole() {
    DB.jdbi()
        .useHandle(h -> h.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'"));
    ServiceRole.grant(DB.jdbi(), ROLE);
  }

  @AfterAll
  static void dropTheServiceRole() {
    DB.jdbi().useHandle(h -> h.execute("DROP OWNED BY " + ROLE));
    DB.jdbi().useHandle(h -> h.execute("DROP ROLE " + ROLE));
  }

  @Test
  void theServiceRoleStartsTriagesAndPurgesButCannotChangeTheAuditLog() {
    // Without the URL's own parameters: the embedded server's URL carries user=postgres.
    String url = DB.environment().get("TRIAGE_DB_URL").replaceFirst("\\?.*", "");
    try (Database service = Database.connect(url, ROLE, PASSWORD)) {
      service.migrate(); // the service checks the schema at start-up: up to date, nothing to do
      TriageStore store = new TriageStore(service.jdbi(), TestDatabase.mapper());
      store.registerAccount("acc-role", "x", "NHSExampleICB");
      store.saveBatch(
          "acc-role",
          List.of(
              triaged(
                  comment(
                      "acc-role",
                      "role-1",
                      new Author("7", "b", null),
                      "Nobody came when Dad fell",
                      Instant.parse("2026-02-01T10:00:00Z")),
                  classification(Label.PATIENT_SAFETY),
                  decision(Priority.URGENT, null, Queue.QUALITY))),
          "cursor-1");
      new RetentionPurge(service.jdbi(), Clock.fixed(Instant.now(), ZoneOffset.UTC)).purge(0);

      assertThat(DB.count("SELECT count(*) FROM audit_log")).isEqualTo(2);
      for (String sql :
          List.of(
              "UPDATE audit_log SET actor = 'someone else'",
              "DELETE FROM audit_log",
              "TRUNCATE audit_log",
              "INSERT INTO flyway_schema_history (installed_rank, description, type, script,"
                  + " installed_by, execution_time, success) VALUES (99, 'x', 'SQL', 'x', 'x', 0,"
                  + " true)")) {
        assertThatThrownBy(() -> service.jdbi().useHandle(h -> h.execute(sql)))
            .as(sql)
            .hasMessageContaining("permission denied");
      }
      assertThatThrownBy(
              () ->
                  service
                      .jdbi()
                      .useHandle(
                          h ->
                              h.execute(
                                  "ALTER TABLE audit_log DISABLE TRIGGER"
                                      + " audit_log_no_update_or_delete")))
          .hasMessageContaining("must be owner");
      assertThat(DB.count("SELECT count(*) FROM audit_log")).isEqualTo(2);
    }
  }

  @Test
  void aRoleThatDoesNotExistIsNamedInTheError() {
    assertThatThrownBy(() -> ServiceRole.grant(DB.jdbi(), "no_such_role_here"))
        .hasMessageContaining("'no_such_role_here' does not exist");
    assertThatThrownBy(() -> ServiceRole.grant(DB.jdbi(), "x; DROP TABLE comment"))
        .hasMessageContaining("lower-case letters");
  }
}
