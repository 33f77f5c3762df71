package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.foiDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.mediaDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.routing.Action;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

/** What the demo summary and the triage app read back. */
class ReadSideTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant T = Instant.parse("2026-05-05T09:00:00Z");
  private static final Author PAT = new Author("42", "pat", "Pat");

  @BeforeAll
  static void storeAMorningsComments() {
    TriageStore store = DB.store();
    store.registerAccount("acc-r", "x", "NHSExampleICB");
    store.saveBatch(
        "acc-r",
        List.of(
            triaged(
                comment("acc-r", "r-thanks", PAT, "Thank you ward 5", T),
                classification(Label.POSITIVE),
                decision(Priority.LOW, null, Queue.COMMS)),
            triaged(
                comment("acc-r", "r-late", PAT, "Still waiting for my appointment letter", T),
                classification(Label.NEGATIVE),
                decision(Priority.NORMAL, T.plusSeconds(7200), Queue.COMMS, Queue.PALS)),
            triaged(
                comment("acc-r", "r-soon", PAT, "Rude receptionist today", T),
                classification(Label.NEGATIVE),
                decision(Priority.NORMAL, T.plusSeconds(3600), Queue.COMMS, Queue.PALS)),
            triaged(
                comment("acc-r", "r-urgent", PAT, "Mum left on a trolley with no water", T),
                classification(Label.PATIENT_SAFETY, Label.NEGATIVE),
                decision(Priority.URGENT, T.plusSeconds(900), Queue.COMMS, Queue.PALS)),
            triaged(
                comment("acc-r", "r-foi", PAT, "Please send me your parking income", T),
                classification(Label.FOI_REQUEST),
                foiDecision(T, LocalDate.of(2026, 6, 2))),
            triaged(
                comment("acc-r", "r-press", PAT, "From the Gazette: comment by noon?", T),
                classification(Label.PRESS_CONTACT),
                mediaDecision(new MediaEnquiry("Gazette", "Pat", "parking", "by noon", null)))),
        "c");
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE triage_item SET status = 'done' WHERE comment_id ="
                        + " (SELECT id FROM comment WHERE external_id = 'r-thanks')"));
  }

  @Test
  void queueCountsListEveryQueueWithItsOpenItems() {
    assertThat(DB.store().queueCounts())
        .containsExactly(
            new QueueCount(Queue.COMMS, 5),
            new QueueCount(Queue.PALS, 3),
            new QueueCount(Queue.FOI, 1),
            new QueueCount(Queue.QUALITY, 0),
            new QueueCount(Queue.SAFEGUARDING, 0));
  }

  @Test
  void aQueueListsMostUrgentFirstThenSoonestDue() {
    List<TriageItemView> pals = DB.store().itemsInQueue(Queue.PALS, 10);

    assertThat(pals)
        .extracting(TriageItemView::externalId)
        .containsExactly("r-urgent", "r-soon", "r-late");
    TriageItemView urgent = pals.get(0);
    assertThat(urgent.labels()).containsExactly(Label.NEGATIVE, Label.PATIENT_SAFETY);
    assertThat(urgent.priority()).isEqualTo(Priority.URGENT);
    assertThat(urgent.dueBy()).isEqualTo(T.plusSeconds(900));
    assertThat(urgent.actions()).containsExactly(Action.REPLY_DRAFT);
    assertThat(urgent.authorHandle()).isEqualTo("pat");
    assertThat(urgent.text()).isEqualTo("Mum left on a trolley with no water");
    assertThat(DB.store().itemsInQueue(Queue.PALS, 1)).hasSize(1);
    assertThat(DB.store().itemsInQueue(Queue.COMMS, 10))
        .extracting(TriageItemView::externalId)
        .doesNotContain("r-thanks");
  }

  @Test
  void openFoiCasesAndTheMediaLogAndPendingEmailsAreListed() {
    assertThat(DB.store().openFoiCases())
        .singleElement()
        .satisfies(
            foi -> {
              assertThat(foi.reference()).matches("FOI-2026-\\d{6}");
              assertThat(foi.externalId()).isEqualTo("r-foi");
              assertThat(foi.dueDate()).isEqualTo(LocalDate.of(2026, 6, 2));
              assertThat(foi.receivedAt()).isEqualTo(T);
              assertThat(foi.requesterName()).isEqualTo("Jane Smith");
              assertThat(foi.addressPresent()).isFalse();
              assertThat(foi.status()).isEqualTo("open");
            });
    assertThat(DB.store().mediaLog())
        .singleElement()
        .satisfies(
            media -> {
              assertThat(media.outlet()).isEqualTo("Gazette");
              assertThat(media.deadlineText()).isEqualTo("by noon");
              assertThat(media.deadline()).isNull();
              assertThat(media.status()).isEqualTo("new");
            });
    // PALS for three comments, FOI for one, the media lead for the press contact; comms works in
    // the app, not by email.
    assertThat(DB.store().pendingOutbox()).isEqualTo(5);
  }
}
