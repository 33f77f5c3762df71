package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nearest labelled comments give a label the rules missed, name the examples that did, never
 * count a comment as its own neighbour, and give way to the label's own rules.
 */
class ExampleNeighboursTest {
  @TempDir Path dir;

  private Path rules;

  @BeforeEach
  void folder() throws IOException {
    rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("patient_safety.rules"),
        "threshold = 2\n2 \"wrong dose\"\n-3 \"thank you\" | thanks\n");
    Files.writeString(rules.resolve("negative.rules"), "threshold = 2\n2 rubbish\n");
    Files.write(
        dir.resolve("examples.jsonl"),
        List.of(
            example("e1", "nan was left lying on the bathroom floor for hours after she fell", "p"),
            example(
                "e2", "dad fell out of bed and nobody came, he lay on the floor all night", "p"),
            example(
                "e3", "found my mum on the floor of the ward, no one checked her for hours", "p"),
            example("e4", "he fell again last night, third time, left on the cold floor", "p"),
            example("e5", "the car park machine ate my ticket and the barrier would not lift", "n"),
            example("e6", "parking costs a fortune and the machines never take cards", "n"),
            example("e7", "machine in the car park broken again, queue to the road", "n")));
    writeConf("labels = patient_safety\nneighbours = 3\nshare = 0.6\n");
  }

  private void writeConf(String settings) throws IOException {
    Files.writeString(
        rules.resolve("examples.conf"),
        "# test\nfiles = ../examples.jsonl\ncommon_words = 1\n" + settings);
  }

  private static String example(String id, String text, String kind) {
    String labels = kind.equals("p") ? "[\"patient_safety\"]" : "[\"negative\"]";
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\", \"labels\": " + labels + "}";
  }

  @Test
  void aCommentLikeTheLabelledOnesGetsTheLabelWithTheExamplesAsEvidence() {
    Classification got =
        Classifier.load(rules).classify("my grandad was left on the floor for ages after a fall");

    assertThat(got.labels()).containsExactly(Label.PATIENT_SAFETY);
    Evidence why = got.scores().get(Label.PATIENT_SAFETY).evidence().get(0);
    assertThat(why.ref())
        .as("its text differs comment by comment, so it has no reference")
        .isNull();
    assertThat(why.rule())
        .startsWith("examples.conf: ")
        .contains("nearest labelled comments are patient_safety")
        .containsPattern("e[1-4]");
    assertThat(why.matched()).contains("floor");
  }

  @Test
  void aCommentLikeOtherLabelsOrLikeNothingGetsNothing() {
    Classifier classifier = Classifier.load(rules);

    assertThat(classifier.classify("the car park ticket machine is broken").labels()).isEmpty();
    assertThat(classifier.classify("lovely sunny day for the fun run").labels()).isEmpty();
  }

  @Test
  void onlyTheListedLabelsAreSuggested() throws IOException {
    writeConf("labels = patient_safety\nneighbours = 3\nshare = 0.6\n");
    Classification got =
        Classifier.load(rules).classify("car park ticket machine broken, barrier would not lift");

    assertThat(got.labels()).doesNotContain(Label.NEGATIVE);
  }

  @Test
  void aCommentIsNeverItsOwnNeighbour() throws IOException {
    Files.write(
        dir.resolve("examples.jsonl"),
        List.of(
            example("only", "the night staff left him lying on the floor", "p"),
            example("n1", "the staff car park floor is flooded again", "n"),
            example("n2", "night parking for staff is a joke", "n")),
        java.nio.charset.StandardCharsets.UTF_8);
    writeConf("labels = patient_safety\nneighbours = 1\nshare = 0.6\n");

    assertThat(
            Classifier.load(rules)
                .classify("the night staff left him lying on the floor")
                .has(Label.PATIENT_SAFETY))
        .isFalse();
  }

  @Test
  void theLabelsOwnRulesWinWhenTheyWeighAgainstIt() {
    Classification got =
        Classifier.load(rules)
            .classify("thank you to the ward, my nan was left on the floor after a fall once");

    assertThat(got.labels()).doesNotContain(Label.PATIENT_SAFETY);
  }

  @Test
  void aLabelTheRulesAlreadyGaveKeepsItsRuleEvidenceOnly() {
    Classification got =
        Classifier.load(rules).classify("wrong dose given, then she was left on the floor");

    assertThat(got.scores().get(Label.PATIENT_SAFETY).evidence())
        .extracting(Evidence::ref)
        .containsExactly("patient_safety.rules:2");
  }

  @Test
  void changingAnExampleChangesTheRulesVersion() throws IOException {
    String before = Classifier.load(rules).rulesVersion();
    Files.writeString(
        dir.resolve("examples.jsonl"),
        example("e8", "fell and left on the floor", "p") + "\n",
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(Classifier.load(rules).rulesVersion()).isNotEqualTo(before).hasSize(12);
  }

  @Test
  void badSettingsAndBadExamplesAreRefusedWithFileAndLine() throws IOException {
    writeConf("labels = patient_safety, kindness\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("examples.conf:4: ")
        .hasMessageContaining("unknown label 'kindness'");

    writeConf("labels = patient_safety\nnearest = 3\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageStartingWith("examples.conf:5: ")
        .hasMessageContaining("unknown setting 'nearest'");

    writeConf("labels = patient_safety\n");
    Files.writeString(
        dir.resolve("examples.jsonl"),
        example("e1", "left on the floor", "p") + "\n{\"id\": \"e2\", \"text\": 7}\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageStartingWith("examples.jsonl:2: ")
        .hasMessageContaining("needs \"text\" and \"labels\"");

    Files.delete(dir.resolve("examples.jsonl"));
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageContaining("examples.jsonl")
        .hasMessageContaining("cannot be read");
  }
}
