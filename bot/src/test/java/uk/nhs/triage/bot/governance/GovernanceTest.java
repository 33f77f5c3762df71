package uk.nhs.triage.bot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageFixtures;
import uk.nhs.triage.classifier.Label;

class GovernanceTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final String OURS =
      " WHERE comment_id IN (SELECT id FROM comment WHERE external_id IN ('old-1', 'new-1'))";
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void retentionPurgesPersonalDataButKeepsTheAnonymousDecisionAndTheAuditLog() {
    save("old-1", new Author("u1", "sue_b", "Sue Brown"), "Ring me on 07700 900123, Sue");
    save("new-1", new Author("u2", "bob", "Bob"), "Thanks to ward 7");
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE comment SET fetched_at = ? WHERE external_id = 'old-1'",
                    java.sql.Timestamp.from(NOW.minusSeconds(100L * 86400))));

    int purged = new RetentionPurge(DB.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC)).purge(90);

    assertThat(purged).isEqualTo(1);
    assertThat(DB.strings("SELECT text FROM comment WHERE external_id = 'old-1'"))
        .containsExactly(RetentionPurge.REMOVED);
    assertThat(
            DB.count(
                "SELECT count(*) FROM comment WHERE external_id = 'old-1'"
                    + " AND raw_payload IS NULL AND author_handle IS NULL AND author_name IS NULL"))
        .isEqualTo(1);
    assertThat(DB.strings("SELECT text FROM comment WHERE external_id = 'new-1'"))
        .containsExactly("Thanks to ward 7");
    // The reply draft names the author, so it goes too; the newer item keeps its draft.
    assertThat(
            DB.strings(
                "SELECT coalesce(t.reply_draft, '-') || ' / ' || coalesce(t.decision ->> 'replyDraft',"
                    + " '-') FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.external_id IN ('old-1', 'new-1') ORDER BY c.external_id"))
        .containsExactly("Thank you for your comment. / Thank you for your comment.", "- / -");
    // The decision stays for reports.
    assertThat(DB.count("SELECT count(*) FROM triage_item" + OURS)).isEqualTo(2);
    assertThat(
            DB.count(
                "SELECT count(*) FROM classification" + OURS + " AND 'negative' = ANY(labels)"))
        .isEqualTo(2);
    assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'retention_purge'"))
        .isEqualTo(1);
    // Purging again finds nothing new.
    assertThat(new RetentionPurge(DB.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC)).purge(90)).isZero();
  }

  @Test
  void subjectAccessExportHoldsEverythingAboutOneHandleAndNothingAboutOthers() {
    save("sar-1", new Author("u9", "jo_public", "Jo Public"), "Where is my reply? 07700 900777");
    save("sar-2", new Author("u9", "jo_public", "Jo Public"), "Still waiting");
    save("sar-3", new Author("u8", "someone_else", "Else"), "Unrelated");

    ObjectNode export =
        new SubjectAccessExport(DB.jdbi(), JsonMapper.create()).export("@Jo_Public");

    assertThat(export.get("comments")).hasSize(2);
    assertThat(export.get("triage_items")).hasSize(2);
    assertThat(export.get("classifications")).hasSize(2);
    assertThat(export.toString())
        .contains("Where is my reply?")
        .contains("Still waiting")
        .doesNotContain("Unrelated")
        .doesNotContain("someone_else");
  }

  private static void save(String id, Author author, String text) {
    DB.store().registerAccount("acct", "x", "NHSExample");
    DB.store()
        .saveBatch(
            "acct",
            List.of(
                TriageFixtures.triaged(
                    TriageFixtures.comment("acct", id, author, text, NOW.minusSeconds(3600)),
                    TriageFixtures.classification(Label.NEGATIVE),
                    TriageFixtures.decision(Priority.NORMAL, NOW.plusSeconds(86400), Queue.COMMS))),
            id);
  }
}
