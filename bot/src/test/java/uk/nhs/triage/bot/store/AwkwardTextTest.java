package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/** Text a platform may send that PostgreSQL or JSON would choke on. */
class AwkwardTextTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant POSTED = Instant.parse("2026-04-01T12:00:00Z");

  private final TriageStore store = DB.store();

  @Test
  void aNulCharacterIsStoredAsTheReplacementCharacterEverywhere() {
    store.registerAccount("acc-nul", "x", "NHSExampleICB");
    Comment comment =
        new Comment(
            "x",
            "nul-1",
            "acc-nul",
            new Author("9", "nul\0handle", null),
            "before\0after",
            POSTED,
            null,
            null,
            "{\"text\":\"before\\u0000after\", broken");
    Classification classification =
        new Classification(
            Map.of(
                Label.NEGATIVE,
                new LabelScore(
                    Label.NEGATIVE,
                    2,
                    1,
                    Verdict.FIRED,
                    List.of(
                        new Evidence(
                            "negative.rules:3 awful", "negative.rules:3", List.of("aw\0ful"), 2)))),
            "v1");

    SaveResult result =
        store.saveBatch(
            "acc-nul",
            List.of(triaged(comment, classification, decision(Priority.LOW, null, Queue.PALS))),
            "c");

    assertThat(result.stored()).isEqualTo(1);
    assertThat(
            DB.strings(
                "SELECT text || '|' || author_handle || '|' || raw_payload FROM comment"
                    + " WHERE external_id = 'nul-1'"))
        .containsExactly(
            "before\uFFFDafter|nul\uFFFDhandle|{\"text\":\"before\\u0000after\", broken");
    assertThat(
            DB.strings(
                "SELECT cl.evidence->'negative'->0->'matched'->>0 FROM classification cl"
                    + " JOIN comment c ON c.id = cl.comment_id WHERE c.external_id = 'nul-1'"))
        .containsExactly("aw\uFFFDful");
    assertThat(
            DB.strings(
                "SELECT payload->>'text' FROM outbox WHERE idempotency_key = 'email:PALS:x:nul-1'"))
        .containsExactly("before\uFFFDafter");
  }

  @Test
  void aTenMegabyteCommentIsStoredWhole() {
    store.registerAccount("acc-big", "x", "NHSExampleICB");
    String text = "complaint ".repeat(1_048_576);

    store.saveBatch(
        "acc-big",
        List.of(
            triaged(
                comment("acc-big", "big-1", null, text, POSTED),
                new Classification(Map.of(), "v1"),
                decision(Priority.LOW, null, Queue.COMMS))),
        "c");

    assertThat(
            DB.count(
                "SELECT length(text) FROM comment WHERE external_id = 'big-1'"
                    + " AND text = repeat('complaint ', 1048576)"))
        .isEqualTo(10_485_760);
  }
}
