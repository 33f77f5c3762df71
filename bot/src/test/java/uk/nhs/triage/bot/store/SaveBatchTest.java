package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.foiDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.mediaDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

class SaveBatchTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant POSTED = Instant.parse("2026-03-02T09:15:00Z");
  private static final Author JANE = new Author("1001", "janesmith", "Jane Smith");

  private final TriageStore store = DB.store();

  @Test
  void storesEachCommentWithItsClassificationTriageItemFoiCaseMediaEnquiryAndEmails() {
    store.registerAccount("acc-all", "x", "NHSExampleICB");
    TriagedComment foi =
        triaged(
            comment("acc-all", "all-1", JANE, "How many nurses did you employ in 2025?", POSTED),
            classification(Set.of(Label.FOI_REQUEST), Set.of(Label.NEGATIVE)),
            foiDecision(POSTED, LocalDate.of(2026, 3, 30)));
    TriagedComment press =
        triaged(
            comment("acc-all", "all-2", null, "Journalist at the Echo, deadline 5pm", POSTED),
            classification(Label.PRESS_CONTACT),
            mediaDecision(
                new MediaEnquiry(
                    "Echo",
                    "Sam Reporter",
                    "waiting times",
                    "deadline 5pm",
                    POSTED.plusSeconds(60))));
    TriagedComment safety =
        triaged(
            comment("acc-all", "all-3", JANE, "My dad was not offered a drink all day", POSTED),
            classification(Label.PATIENT_SAFETY, Label.NEGATIVE),
            decision(
                Priority.URGENT, POSTED.plusSeconds(3600), Queue.COMMS, Queue.QUALITY, Queue.PALS));

    SaveResult result = store.saveBatch("acc-all", List.of(foi, press, safety), "cursor-1");

    assertThat(result).isEqualTo(new SaveResult(3, 3, 0));
    assertThat(store.cursor("acc-all")).contains("cursor-1");
    assertThat(
            strings(
                "SELECT cl.labels[1] || '/' || cl.review_labels[1] FROM classification cl"
                    + " JOIN comment c ON c.id = cl.comment_id WHERE c.external_id = 'all-1'"))
        .containsExactly("foi_request/negative");
    assertThat(
            strings(
                "SELECT array_to_string(t.queues, ',') || ' ' || t.priority || ' '"
                    + " || array_to_string(t.actions, ',') || ' ' || t.status"
                    + " FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'acc-all' ORDER BY c.external_id"))
        .containsExactly(
            "COMMS,FOI NORMAL FORWARD_TO_FOI,ADVICE_AND_ASSISTANCE new",
            "COMMS HIGH LOG_MEDIA_ENQUIRY,DO_NOT_ENGAGE new",
            "COMMS,PALS,QUALITY URGENT REPLY_DRAFT new");
    assertThat(
            strings(
                "SELECT f.reference || ' ' || f.due_date || ' ' || f.requester_name || ' '"
                    + " || f.address_present || ' ' || f.status"
                    + " FROM foi_case f JOIN comment c ON c.id = f.comment_id"
                    + " WHERE c.external_id = 'all-1'"))
        .singleElement()
        .asString()
        .matches("FOI-2026-\\d{6} 2026-03-30 Jane Smith false open");
    assertThat(
            strings(
                "SELECT m.outlet || ' ' || m.journalist || ' ' || m.deadline_text || ' ' || m.status"
                    + " FROM media_enquiry m JOIN comment c ON c.id = m.comment_id"
                    + " WHERE c.external_id = 'all-2'"))
        .containsExactly("Echo Sam Reporter deadline 5pm new");
    assertThat(strings("SELECT idempotency_key FROM outbox WHERE payload->>'account' = 'acc-all'"))
        .containsExactlyInAnyOrder(
            "email:FOI:x:all-1",
            "email:MEDIA:x:all-2",
            "email:PALS:x:all-3",
            "email:QUALITY:x:all-3");
    assertThat(
            strings(
                "SELECT payload->>'text' || ' | ' || (payload->>'link') || ' | '"
                    + " || (payload->'labels'->>0) || ' | ' || (payload->>'priority') || ' | '"
                    + " || (payload->>'dueBy') FROM outbox"
                    + " WHERE idempotency_key = 'email:QUALITY:x:all-3'"))
        .containsExactly(
            "My dad was not offered a drink all day | https://x.example/status/all-3 | negative"
                + " | URGENT | 2026-03-02T10:15:00Z");
    assertThat(strings("SELECT payload->>'foiReference' FROM outbox WHERE destination = 'FOI'"))
        .singleElement()
        .asString()
        .startsWith("FOI-2026-");
    assertThat(
            strings(
                "SELECT comments_seen || ' ' || healthy || ' ' || (last_success_at IS NOT NULL)"
                    + " FROM account WHERE id = 'acc-all'"))
        .containsExactly("3 true true");
    assertThat(
            count(
                "SELECT count(*) FROM audit_log WHERE detail->>'platform' = 'x'"
                    + " AND detail->>'externalId' LIKE 'all-%' AND actor = 'bot'"))
        .isEqualTo(3);
  }

  @Test
  void savingTheSameBatchAgainStoresNothingTwiceAndChangesNothing() {
    store.registerAccount("acc-twice", "x", "NHSExampleICB");
    List<TriagedComment> batch =
        List.of(
            triaged(
                comment("acc-twice", "twice-1", JANE, "Awful wait in A&E", POSTED),
                classification(Label.NEGATIVE),
                decision(Priority.NORMAL, POSTED.plusSeconds(7200), Queue.COMMS, Queue.PALS)),
            triaged(
                comment("acc-twice", "twice-2", JANE, "Thanks to the ward 3 team", POSTED),
                classification(Label.POSITIVE),
                decision(Priority.LOW, null, Queue.COMMS)));
    store.saveBatch("acc-twice", batch, "c1");
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE triage_item SET status = 'in_progress', assignee = 'amy'"
                        + " WHERE comment_id IN (SELECT id FROM comment WHERE account_id = ?)",
                    "acc-twice"));
    Map<String, Long> before = rowCounts("acc-twice");
    List<TriagedComment> rerouted =
        List.of(
            triaged(
                batch.get(0).comment(),
                classification(Label.NEGATIVE, Label.PATIENT_SAFETY),
                decision(Priority.URGENT, POSTED, Queue.COMMS, Queue.QUALITY)),
            batch.get(1));

    SaveResult again = store.saveBatch("acc-twice", rerouted, "c2");

    assertThat(again).isEqualTo(new SaveResult(2, 0, 2));
    assertThat(rowCounts("acc-twice")).isEqualTo(before);
    assertThat(store.cursor("acc-twice")).contains("c2");
    assertThat(
            strings(
                "SELECT t.status || ' ' || t.assignee || ' ' || t.priority"
                    + " || ' ' || array_to_string(t.queues, ',')"
                    + " FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.external_id = 'twice-1'"))
        .containsExactly("in_progress amy NORMAL COMMS,PALS");
    assertThat(
            strings("SELECT idempotency_key FROM outbox WHERE payload->>'account' = 'acc-twice'"))
        .containsExactly("email:PALS:x:twice-1");
    assertThat(count("SELECT comment_count FROM author WHERE author_key = '1001'"))
        .as("a duplicate does not count again in the author's history")
        .isEqualTo(count("SELECT count(*) FROM comment WHERE author_key = '1001'"));
  }

  @Test
  void aBatchWithOneBadCommentStoresNothingAndLeavesTheCursor() {
    store.registerAccount("acc-bad", "x", "NHSExampleICB");
    store.saveBatch(
        "acc-bad",
        List.of(
            triaged(
                comment("acc-bad", "bad-0", JANE, "first", POSTED),
                classification(),
                decision(Priority.LOW, null, Queue.COMMS))),
        "before");
    Map<String, Long> before = rowCounts("acc-bad");
    List<TriagedComment> batch =
        List.of(
            triaged(
                comment("acc-bad", "bad-1", JANE, "I want to complain", POSTED),
                classification(Label.NEGATIVE),
                decision(Priority.NORMAL, POSTED, Queue.COMMS, Queue.PALS)),
            triaged(
                comment("acc-bad", "", JANE, "a comment without an id", POSTED),
                classification(),
                decision(Priority.LOW, null, Queue.COMMS)));

    assertThatThrownBy(() -> store.saveBatch("acc-bad", batch, "after"))
        .isInstanceOf(BatchNotStoredException.class)
        .hasMessageContaining("comment x: (item 2 of 2 for account 'acc-bad')")
        .hasMessageContaining("comment_external_id_check");

    assertThat(rowCounts("acc-bad")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM comment WHERE external_id = 'bad-1'")).isZero();
    assertThat(count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE '%bad-1'")).isZero();
    assertThat(store.cursor("acc-bad")).contains("before");
  }

  @Test
  void aBatchForAnUnregisteredAccountIsRefusedAndStoresNothing() {
    List<TriagedComment> batch =
        List.of(
            triaged(
                comment("acc-ghost", "ghost-1", JANE, "hello", POSTED),
                classification(),
                decision(Priority.LOW, null, Queue.COMMS)));

    assertThatThrownBy(() -> store.saveBatch("acc-ghost", batch, "c"))
        .hasMessageContaining("acc-ghost");
    assertThat(count("SELECT count(*) FROM comment WHERE external_id = 'ghost-1'")).isZero();
    assertThat(store.cursor("acc-ghost")).isEmpty();
  }

  @Test
  void aPollFailureMarksTheAccountUnhealthyAndLeavesItsCursor() {
    store.registerAccount("acc-fail", "x", "NHSExampleICB");
    assertThat(store.cursor("acc-fail")).isEmpty();
    store.saveBatch("acc-fail", List.of(), "c7");

    store.recordPollFailure("acc-fail", "HTTP 429 Too Many Requests");

    assertThat(store.cursor("acc-fail")).contains("c7");
    assertThat(strings("SELECT healthy || ' ' || last_error FROM account WHERE id = 'acc-fail'"))
        .containsExactly("false HTTP 429 Too Many Requests");

    store.saveBatch("acc-fail", List.of(), "c8");
    assertThat(
            strings(
                "SELECT healthy || ' ' || (last_error IS NULL) FROM account WHERE id = 'acc-fail'"))
        .containsExactly("true true");
  }

  @Test
  void aCommentWithoutAnAuthorKeyIsStoredWithoutAuthorHistory() {
    store.registerAccount("acc-anon", "x", "NHSExampleICB");
    store.saveBatch(
        "acc-anon",
        List.of(
            triaged(
                comment("acc-anon", "anon-1", Author.UNKNOWN, "anonymous moan", POSTED),
                classification(Label.NEGATIVE),
                decision(Priority.LOW, null, Queue.COMMS))),
        "c");

    assertThat(
            count(
                "SELECT count(*) FROM comment WHERE external_id = 'anon-1'"
                    + " AND author_key IS NULL"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM author WHERE author_key IS NULL")).isZero();
  }

  @Test
  void twoPollersSavingTheSameCommentsAtOnceStoreThemOnce() throws Exception {
    store.registerAccount("acc-race", "x", "NHSExampleICB");
    List<TriagedComment> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(
          triaged(
              comment("acc-race", "race-" + i, JANE, "comment " + i, POSTED),
              classification(Label.NEGATIVE),
              decision(Priority.NORMAL, POSTED, Queue.COMMS, Queue.PALS)));
    }
    try (var pool = Executors.newFixedThreadPool(2)) {
      var first = pool.submit(() -> store.saveBatch("acc-race", batch, "a"));
      var second = pool.submit(() -> store.saveBatch("acc-race", batch, "b"));

      assertThat(first.get().stored() + second.get().stored()).isEqualTo(20);
      assertThat(first.get().duplicates() + second.get().duplicates()).isEqualTo(20);
    }
    assertThat(
            count(
                "SELECT count(*) FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'acc-race'"))
        .isEqualTo(20);
    assertThat(count("SELECT count(*) FROM outbox WHERE payload->>'account' = 'acc-race'"))
        .isEqualTo(20);
  }

  private static Map<String, Long> rowCounts(String accountId) {
    String comments = "(SELECT id FROM comment WHERE account_id = '" + accountId + "')";
    return Map.of(
        "comment", count("SELECT count(*) FROM comment WHERE id IN " + comments),
        "classification",
            count("SELECT count(*) FROM classification WHERE comment_id IN " + comments),
        "triage_item", count("SELECT count(*) FROM triage_item WHERE comment_id IN " + comments),
        "outbox",
            count("SELECT count(*) FROM outbox WHERE payload->>'account' = '" + accountId + "'"),
        "audit_log",
            count(
                "SELECT count(*) FROM audit_log WHERE (detail->>'commentId')::bigint IN "
                    + comments),
        "author", count("SELECT coalesce(sum(comment_count), 0) FROM author"));
  }

  private static long count(String sql) {
    return DB.count(sql);
  }

  private static List<String> strings(String sql) {
    return DB.strings(sql);
  }
}
