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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

/** A poll may return a comment twice in one page, or again a page later: it is stored once. */
class BatchDuplicatesTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:15:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T09:15:00Z");
  private static final Author JANE = new Author("2002", "janedoe", "Jane Doe");
  private static final Author SAM = new Author("3003", "sam", null);

  private final TriageStore store = DB.store();

  @Test
  void aRepeatInsideTheBatchAndARepeatOfAnEarlierBatchAreEachStoredOnce() {
    store.registerAccount("acc-dup", "x", "NHSExampleICB");
    TriagedComment earlier =
        triaged(
            comment("acc-dup", "dup-1", JANE, "Waited six hours in A&E", MONDAY),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, MONDAY.plusSeconds(7200), Queue.COMMS, Queue.PALS));
    store.saveBatch("acc-dup", List.of(earlier), "c1");

    TriagedComment ward =
        triaged(
            comment("acc-dup", "dup-2", JANE, "Ward 5 left my mum without water", TUESDAY),
            classification(Label.PATIENT_SAFETY, Label.NEGATIVE),
            decision(Priority.URGENT, TUESDAY, Queue.COMMS, Queue.QUALITY, Queue.PALS));
    TriagedComment wardAgainRoutedAsFoi =
        triaged(
            ward.comment(),
            classification(Label.FOI_REQUEST),
            foiDecision(TUESDAY, LocalDate.of(2026, 3, 31)));
    TriagedComment earlierAgain =
        triaged(
            earlier.comment(),
            classification(Label.NEGATIVE, Label.OFFENSIVE),
            decision(Priority.HIGH, TUESDAY, Queue.COMMS, Queue.SAFEGUARDING));
    TriagedComment thanks =
        triaged(
            comment("acc-dup", "dup-3", SAM, "Thank you to the midwives", TUESDAY),
            classification(Label.POSITIVE),
            decision(Priority.LOW, null, Queue.COMMS));

    SaveResult result =
        store.saveBatch(
            "acc-dup", List.of(ward, earlierAgain, wardAgainRoutedAsFoi, thanks, ward), "c2");

    assertThat(result).isEqualTo(new SaveResult(5, 2, 3));
    assertThat(store.cursor("acc-dup")).contains("c2");
    assertThat(
            DB.strings(
                "SELECT c.external_id || ' ' || count(t.id) || ' '"
                    + " || string_agg(array_to_string(t.queues, ',') || ' ' || t.priority, ';')"
                    + " FROM comment c LEFT JOIN triage_item t ON t.comment_id = c.id"
                    + " WHERE c.account_id = 'acc-dup' GROUP BY c.external_id"
                    + " ORDER BY c.external_id"))
        .as("one comment and one triage item each, as the first occurrence routed it")
        .containsExactly(
            "dup-1 1 COMMS,PALS NORMAL", "dup-2 1 COMMS,PALS,QUALITY URGENT", "dup-3 1 COMMS LOW");
    assertThat(
            DB.strings(
                "SELECT idempotency_key FROM outbox WHERE payload->>'account' = 'acc-dup'"
                    + " ORDER BY id"))
        .containsExactly("email:PALS:x:dup-1", "email:PALS:x:dup-2", "email:QUALITY:x:dup-2");
    assertThat(
            DB.count(
                "SELECT count(*) FROM outbox o"
                    + " JOIN triage_item t ON t.id = (o.payload->>'triageItemId')::bigint"
                    + " JOIN comment c ON c.id = t.comment_id"
                    + " WHERE o.payload->>'account' = 'acc-dup'"
                    + " AND c.external_id = o.payload->>'externalId'"))
        .as("each email points at its own comment's triage item")
        .isEqualTo(3);
    assertThat(DB.count("SELECT count(*) FROM foi_case")).isZero();
    assertThat(
            DB.strings(
                "SELECT c.external_id FROM audit_log a"
                    + " JOIN triage_item t ON t.id = a.entity_id::bigint"
                    + " JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'acc-dup' ORDER BY a.id"))
        .containsExactly("dup-1", "dup-2", "dup-3");
    assertThat(
            DB.strings(
                "SELECT author_key || ' ' || comment_count || ' ' || negative_count || ' '"
                    + " || offensive_count || ' ' || handle || ' ' || first_seen::date || ' '"
                    + " || last_seen::date FROM author ORDER BY author_key"))
        .containsExactly(
            "2002 2 2 0 janedoe 2026-03-02 2026-03-03", "3003 1 0 0 sam 2026-03-03 2026-03-03");
    assertThat(DB.count("SELECT comments_seen FROM account WHERE id = 'acc-dup'")).isEqualTo(3);
  }

  @Test
  void aBatchOfOnlyRepeatsStoresNothingAndStillMovesTheCursor() {
    store.registerAccount("acc-rep", "x", "NHSExampleICB");
    TriagedComment one =
        triaged(
            comment("acc-rep", "rep-1", JANE, "Parking is a nightmare", MONDAY),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.COMMS, Queue.PALS));
    store.saveBatch("acc-rep", List.of(one), "r1");

    SaveResult again = store.saveBatch("acc-rep", List.of(one, one, one), "r2");

    assertThat(again).isEqualTo(new SaveResult(3, 0, 3));
    assertThat(store.cursor("acc-rep")).contains("r2");
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE payload->>'account' = 'acc-rep'"))
        .isEqualTo(1);
  }
}
