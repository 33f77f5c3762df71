package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.AuthorHistory;
import uk.nhs.triage.classifier.AuthorHistory.PriorComment;
import uk.nhs.triage.classifier.Label;

class AuthorHistoryTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant DAY1 = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-01-11T08:00:00Z");
  private static final Instant DAY3 = Instant.parse("2026-01-12T08:00:00Z");
  private static final Author MOANER = new Author("777", "moaner", "Pat Moaner");

  private final TriageStore store = DB.store();

  @Test
  void returnsTheAuthorsEarlierCommentsSinceAnInstantOldestFirstWithFiredLabelsOnly() {
    store.registerAccount("acc-h", "x", "NHSExampleICB");
    // Saved out of order, in two polls, with another author in between.
    store.saveBatch(
        "acc-h",
        List.of(
            by(MOANER, "h-3", DAY3, Set.of(Label.NEGATIVE, Label.OFFENSIVE), Set.of()),
            by(new Author("888", "other", null), "h-x", DAY2, Set.of(Label.NEGATIVE), Set.of())),
        "c1");
    store.saveBatch(
        "acc-h",
        List.of(
            by(MOANER, "h-1", DAY1, Set.of(Label.POSITIVE), Set.of()),
            by(MOANER, "h-2", DAY2, Set.of(Label.NEGATIVE), Set.of(Label.PATIENT_SAFETY))),
        "c2");

    AuthorHistory sinceDay2 = store.authorHistory("x", "777", DAY2);
    AuthorHistory all = store.authorHistory("x", "777", null);

    assertThat(sinceDay2.prior())
        .containsExactly(
            new PriorComment(DAY2, Set.of(Label.NEGATIVE)),
            new PriorComment(DAY3, Set.of(Label.NEGATIVE, Label.OFFENSIVE)));
    assertThat(all.prior()).extracting(PriorComment::at).containsExactly(DAY1, DAY2, DAY3);
    assertThat(store.authorHistory("facebook", "777", null).prior()).isEmpty();
    assertThat(store.authorHistory("x", null, null)).isEqualTo(AuthorHistory.NONE);
    assertThat(
            DB.strings(
                "SELECT comment_count || ' ' || negative_count || ' ' || offensive_count || ' '"
                    + " || handle || ' ' || first_seen::date || ' ' || last_seen::date"
                    + " FROM author WHERE platform = 'x' AND author_key = '777'"))
        .containsExactly("3 2 1 moaner 2026-01-10 2026-01-12");
  }

  @Test
  void manyAuthorsHistoriesInOneGoAreTheSameAsOneByOne() {
    store.registerAccount("acc-many", "x", "NHSExampleICB");
    Author loud = new Author("555", "loud", "Lou D");
    Author other = new Author("999", "quiet", null);
    store.saveBatch(
        "acc-many",
        List.of(
            by(loud, "m-2", DAY2, Set.of(Label.NEGATIVE), Set.of()),
            by(other, "m-1", DAY1, Set.of(Label.POSITIVE), Set.of()),
            by(loud, "m-3", DAY3, Set.of(), Set.of())),
        "m");

    var histories = store.authorHistories("x", List.of("555", "999", "nobody"), DAY2);

    assertThat(histories).containsOnlyKeys("555");
    assertThat(histories.get("555")).isEqualTo(store.authorHistory("x", "555", DAY2));
    assertThat(store.authorHistories("x", List.of("555", "999"), null).get("999").prior())
        .containsExactly(new PriorComment(DAY1, Set.of(Label.POSITIVE)));
  }

  private static TriagedComment by(
      Author author, String externalId, Instant at, Set<Label> fired, Set<Label> review) {
    return triaged(
        comment("acc-h", externalId, author, "comment " + externalId, at),
        classification(fired, review),
        decision(Priority.NORMAL, null, Queue.COMMS));
  }
}
