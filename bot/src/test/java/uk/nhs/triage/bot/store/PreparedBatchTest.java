package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.foiDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

/**
 * A batch is prepared (ids reserved, rows rendered) outside the transaction that stores it, on the
 * thread that classified it, while the page before is stored: what was stored in between must
 * neither be stored twice nor lose the rest of the batch.
 */
class PreparedBatchTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant POSTED = Instant.parse("2026-03-02T09:15:00Z");

  private final TriageStore store = DB.store();

  /** One author per account, so each test counts her comments alone. */
  private static Author jane(String account) {
    return new Author("jane-" + account, "jane_" + account, "Jane Prepared");
  }

  private static TriagedComment complaint(String account, String id) {
    return triaged(
        comment(account, id, jane(account), "Waited six hours in A&E, " + id, POSTED),
        classification(Label.NEGATIVE, Label.PATIENT_SAFETY),
        decision(Priority.HIGH, POSTED.plusSeconds(3600), Queue.COMMS, Queue.PALS, Queue.QUALITY));
  }

  private static TriagedComment foiRequest(String account, String id) {
    return triaged(
        comment(
            account, id, jane(account), "How many nurses did you employ in 2025? " + id, POSTED),
        classification(Set.of(Label.FOI_REQUEST), Set.of()),
        foiDecision(POSTED, LocalDate.of(2026, 3, 30)));
  }

  @Test
  void preparingStoresNoCommentAndSavingStoresEachRowOnceWithTheReservedIds() {
    store.registerAccount("acc-prep", "x", "NHSPrepared");
    List<TriagedComment> batch =
        List.of(complaint("acc-prep", "prep-1"), foiRequest("acc-prep", "prep-2"));

    PreparedBatch prepared = store.prepare("acc-prep", batch);

    assertThat(prepared.newWhenPrepared()).isEqualTo(2);
    assertThat(DB.count("SELECT count(*) FROM comment WHERE account_id = 'acc-prep'")).isZero();
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE payload->>'account' = 'acc-prep'"))
        .isZero();
    assertThat(store.cursor("acc-prep")).isEmpty();

    assertThat(store.saveBatch(prepared, "c-1")).isEqualTo(new SaveResult(2, 2, 0));

    assertThat(store.cursor("acc-prep")).contains("c-1");
    assertThat(
            DB.strings(
                "SELECT c.external_id || ' ' || (SELECT count(*) FROM classification cl"
                    + " WHERE cl.comment_id = c.id) || ' ' || (SELECT count(*) FROM triage_item t"
                    + " WHERE t.comment_id = c.id) || ' ' || (SELECT count(*) FROM audit_log a"
                    + " JOIN triage_item t ON a.entity_id = t.id::text AND a.entity = 'triage_item'"
                    + " WHERE t.comment_id = c.id AND (a.detail->>'commentId')::bigint = c.id)"
                    + " FROM comment c WHERE c.account_id = 'acc-prep' ORDER BY c.external_id"))
        .containsExactly("prep-1 1 1 1", "prep-2 1 1 1");
    // The FOI team's email names the reference the case was stored under, and the item stored.
    assertThat(
            DB.strings(
                "SELECT (o.payload->>'foiReference' = f.reference)::text || ' '"
                    + " || (o.payload->>'triageItemId' = t.id::text)::text"
                    + " FROM outbox o JOIN comment c ON o.idempotency_key = 'email:FOI:x:' ||"
                    + " c.external_id JOIN foi_case f ON f.comment_id = c.id"
                    + " JOIN triage_item t ON t.comment_id = c.id WHERE c.external_id = 'prep-2'"))
        .containsExactly("true true");
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE payload->>'account' = 'acc-prep'"))
        .isEqualTo(3); // PALS and QUALITY for the complaint, FOI for the request
  }

  @Test
  void aCommentStoredBetweenPreparingAndSavingIsSkippedWithAllItsRows() {
    store.registerAccount("acc-race", "x", "NHSRace");
    List<TriagedComment> batch =
        List.of(
            complaint("acc-race", "race-1"),
            foiRequest("acc-race", "race-2"),
            complaint("acc-race", "race-3"));
    PreparedBatch prepared = store.prepare("acc-race", batch);

    // Another poll stores the FOI request after the batch was prepared.
    assertThat(store.saveBatch("acc-race", List.of(batch.get(1)), "other"))
        .isEqualTo(new SaveResult(1, 1, 0));

    assertThat(store.saveBatch(prepared, "c-2")).isEqualTo(new SaveResult(3, 2, 1));

    assertThat(store.cursor("acc-race")).contains("c-2");
    assertThat(DB.count("SELECT count(*) FROM comment WHERE account_id = 'acc-race'")).isEqualTo(3);
    assertThat(
            DB.count(
                "SELECT count(*) FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'acc-race'"))
        .isEqualTo(3);
    assertThat(
            DB.count(
                "SELECT count(*) FROM classification cl JOIN comment c ON c.id = cl.comment_id"
                    + " WHERE c.account_id = 'acc-race'"))
        .isEqualTo(3);
    assertThat(
            DB.count(
                "SELECT count(*) FROM foi_case f JOIN comment c ON c.id = f.comment_id"
                    + " WHERE c.account_id = 'acc-race'"))
        .isEqualTo(1);
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE payload->>'account' = 'acc-race'"))
        .isEqualTo(5); // two per complaint, one for the request
    assertThat(
            DB.count(
                "SELECT count(*) FROM audit_log WHERE action = 'triage_item.created'"
                    + " AND detail->>'externalId' LIKE 'race-%'"))
        .isEqualTo(3);
    // Jane's history counts each of her comments once, the one stored in between included.
    assertThat(
            DB.count(
                "SELECT comment_count FROM author WHERE author_key = '"
                    + jane("acc-race").historyKey()
                    + "'"))
        .isEqualTo(3);
  }

  @Test
  void aBatchPreparedTwiceIsStoredOnceAndRepeatsWithinItCountAsDuplicates() {
    store.registerAccount("acc-twice", "x", "NHSTwice");
    List<TriagedComment> batch =
        List.of(
            complaint("acc-twice", "twice-1"),
            complaint("acc-twice", "twice-2"),
            complaint("acc-twice", "twice-1"));
    PreparedBatch first = store.prepare("acc-twice", batch);
    PreparedBatch again = store.prepare("acc-twice", batch);

    assertThat(first.newWhenPrepared()).isEqualTo(2);
    assertThat(store.saveBatch(first, "c-1")).isEqualTo(new SaveResult(3, 2, 1));
    assertThat(store.saveBatch(again, "c-2")).isEqualTo(new SaveResult(3, 0, 3));
    // Prepared once more now that every comment is stored: nothing is rendered.
    assertThat(store.prepare("acc-twice", batch).newWhenPrepared()).isZero();

    assertThat(store.cursor("acc-twice")).contains("c-2");
    assertThat(DB.count("SELECT count(*) FROM comment WHERE account_id = 'acc-twice'"))
        .isEqualTo(2);
    assertThat(
            DB.count(
                "SELECT count(*) FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'acc-twice'"))
        .isEqualTo(2);
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE payload->>'account' = 'acc-twice'"))
        .isEqualTo(4);
  }
}
