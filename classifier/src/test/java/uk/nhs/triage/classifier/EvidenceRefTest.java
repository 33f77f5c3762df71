package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each piece of evidence carries the file and line of the rule it comes from, as data, so a store
 * can keep the rule's text once; the negated form of a line has its own reference, since its text
 * differs.
 */
class EvidenceRefTest {
  @TempDir Path dir;

  private Classifier load() throws IOException {
    Files.writeString(
        dir.resolve("positive.rules"),
        """
        # praise
        threshold = 2
        on_negation = negative

        2 helpful
        2 (kind | lovely) NEAR/2 staff
        unless sarcas*
        """);
    Files.writeString(
        dir.resolve("negative.rules"), "threshold = 2\nfires_with = patient_safety\n1 slow\n");
    Files.writeString(
        dir.resolve("patient_safety.rules"), "threshold = 2\n2 \"not offered\" NEAR/3 drink\n");
    Files.writeString(dir.resolve("personal_data.rules"), "threshold = 1\n\n1 detector email\n");
    return Classifier.load(dir);
  }

  private static Evidence only(Classification c, Label label) {
    List<Evidence> evidence = c.scores().get(label).evidence();
    assertThat(evidence).hasSize(1);
    return evidence.get(0);
  }

  @Test
  void aRuleLinesEvidenceNamesItsFileAndLine() throws IOException {
    Classifier classifier = load();

    Evidence word = only(classifier.classify("So helpful"), Label.POSITIVE);
    assertThat(word.ref()).isEqualTo("positive.rules:5");
    assertThat(word.rule()).isEqualTo("positive.rules:5 2 helpful");

    Evidence near = only(classifier.classify("Lovely staff"), Label.POSITIVE);
    assertThat(near.ref()).isEqualTo("positive.rules:6");

    Evidence veto =
        classifier
            .classify("Lovely staff, sarcastically")
            .scores()
            .get(Label.POSITIVE)
            .evidence()
            .stream()
            .filter(e -> e.weight() == 0)
            .findFirst()
            .orElseThrow();
    assertThat(veto.ref()).isEqualTo("positive.rules:7");

    Evidence email = only(classifier.classify("Write to jo@example.com"), Label.PERSONAL_DATA);
    assertThat(email.ref()).isEqualTo("personal_data.rules:3");
    assertThat(email.rule()).startsWith("personal_data.rules:3 ");
  }

  @Test
  void aNegatedRuleIsReferencedApartFromThePlainOne() throws IOException {
    Classifier classifier = load();

    Evidence word = only(classifier.classify("Not helpful"), Label.NEGATIVE);
    assertThat(word.ref()).isEqualTo("negated positive.rules:5");
    assertThat(word.rule()).isEqualTo("negated positive.rules:5 2 helpful");

    Evidence near = only(classifier.classify("Not kind staff"), Label.NEGATIVE);
    assertThat(near.ref()).isEqualTo("negated positive.rules:6");
  }

  @Test
  void evidenceFromNoRuleLineHasNoReference() throws IOException {
    Classification c = load().classify("Dad was not offered a drink all day");

    assertThat(c.scores().get(Label.NEGATIVE).evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.rule()).isEqualTo("negative.rules fires_with = patient_safety");
              assertThat(e.ref()).isNull();
            });
  }

  @Test
  void persistentUserEvidenceNamesItsSettingsLine() throws IOException {
    Files.writeString(
        dir.resolve("persistent_user.rules"),
        "# who\nprolific_comments = 2\nprolific_window = 24h\n");
    Classifier classifier = load();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    AuthorHistory history =
        new AuthorHistory(List.of(new AuthorHistory.PriorComment(now.minusSeconds(60), Set.of())));

    Evidence prolific = only(classifier.classify("hello", history, now), Label.PERSISTENT_USER);
    assertThat(prolific.ref()).isEqualTo("persistent_user.rules:2");
    assertThat(prolific.rule()).startsWith("persistent_user.rules:2 prolific: ");
  }
}
