package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

class AuditLogTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @Test
  void theAuditLogRecordsEachNewTriageItemAndRejectsUpdateDeleteAndTruncate() {
    TriageStore store = DB.store();
    store.registerAccount("acc-audit", "x", "NHSExampleICB");
    store.saveBatch(
        "acc-audit",
        List.of(
            triaged(
                comment(
                    "acc-audit",
                    "audit-1",
                    new Author("5", "a", null),
                    "rude words",
                    Instant.parse("2026-02-01T10:00:00Z")),
                classification(Label.OFFENSIVE),
                decision(Priority.NORMAL, null, Queue.COMMS))),
        "c");

    List<String> rows =
        DB.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT actor || ' ' || action || ' ' || entity || ' '"
                                + " || (detail->'labels'->>0) FROM audit_log")
                        .mapTo(String.class)
                        .list());
    assertThat(rows).containsExactly("bot triage_item.created triage_item offensive");

    for (String sql :
        List.of(
            "UPDATE audit_log SET actor = 'someone else'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log")) {
      assertThatThrownBy(() -> DB.jdbi().useHandle(h -> h.execute(sql)))
          .as(sql)
          .hasMessageContaining("audit_log is append-only");
    }
    long remaining =
        DB.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM audit_log WHERE actor = 'bot'")
                        .mapTo(Long.class)
                        .one());
    assertThat(remaining).isEqualTo(1);
  }
}
