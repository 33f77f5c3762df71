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
 * How the nearest examples' votes count per label ({@code examples.conf}): a weak rule match that
 * no nearby example backs goes to a person to check, each label can need its own share, and a label
 * is not suggested beside a fired label its vote names in {@code unless_fired}.
 */
class ExampleVotesTest {
  @TempDir Path dir;

  private Path rules;

  @BeforeEach
  void folder() throws IOException {
    rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rules.resolve("patient_safety.rules"), "threshold = 2\n2 floor\n");
    Files.writeString(rules.resolve("negative.rules"), "threshold = 2\n2 rubbish\n");
    Files.writeString(rules.resolve("positive.rules"), "threshold = 2\n2 lovely\n");
    Files.write(
        dir.resolve("examples.jsonl"),
        List.of(
            example(
                "s1", "nan was left lying on the floor for hours after she fell", "patient_safety"),
            example(
                "s2", "dad fell out of bed and nobody came, he lay on the floor", "patient_safety"),
            example(
                "s3", "found mum on the floor of the ward, no one checked her", "patient_safety"),
            example("n1", "the car park floor is flooded again and the lift is broken", "negative"),
            example("n2", "car park lift broken again, flooded stairs, what a joke", "negative"),
            example("n3", "car park flooded, lift broken, pay machine broken too", "negative"),
            example("k1", "the nurses were so helpful and kind to my dad", "positive"),
            example("k2", "helpful kind nurses on the childrens ward, thank you", "positive"),
            example("k3", "such kind and helpful nurses in the day unit", "positive")));
  }

  private void writeConf(String settings) throws IOException {
    Files.writeString(
        rules.resolve("examples.conf"),
        "# test\nfiles = ../examples.jsonl\ncommon_words = 1\nneighbours = 3\n" + settings);
  }

  private static String example(String id, String text, String label) {
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\", \"labels\": [\"" + label + "\"]}";
  }

  private static final String CAR_PARK = "the car park floor is flooded and the lift is broken";

  @Test
  void aWeakMatchNoNearbyExampleBacksGoesToAPersonToCheck() throws IOException {
    writeConf("labels = patient_safety\ndoubt_below = 1.5\ndoubt_share = 0\n");
    Classification got = Classifier.load(rules).classify(CAR_PARK);

    assertThat(got.labels()).doesNotContain(Label.PATIENT_SAFETY);
    assertThat(got.forReview()).containsExactly(Label.PATIENT_SAFETY);
    LabelScore safety = got.scores().get(Label.PATIENT_SAFETY);
    assertThat(safety.score()).as("the rules' own score is kept").isEqualTo(2);
    assertThat(safety.evidence()).extracting(Evidence::ref).contains("patient_safety.rules:2");
    assertThat(safety.evidence())
        .anySatisfy(
            e ->
                assertThat(e.rule())
                    .startsWith("examples.conf: 0 of the 3 nearest labelled comments are")
                    .contains("a person checks"));
  }

  @Test
  void aWeakMatchTheExamplesBackAndAStrongMatchStayFired() throws IOException {
    writeConf("labels = patient_safety\ndoubt_below = 1.5\n");
    Classifier classifier = Classifier.load(rules);
    assertThat(classifier.classify("my nan was left on the floor for hours").labels())
        .as("nearby examples carry the label")
        .contains(Label.PATIENT_SAFETY);

    Files.writeString(rules.resolve("patient_safety.rules"), "threshold = 2\n3 floor\n");
    assertThat(Classifier.load(rules).classify(CAR_PARK).labels())
        .as("a score of 3 is not under 1.5 times the threshold")
        .contains(Label.PATIENT_SAFETY);

    writeConf("labels = patient_safety\n");
    Files.writeString(rules.resolve("patient_safety.rules"), "threshold = 2\n2 floor\n");
    assertThat(Classifier.load(rules).classify(CAR_PARK).labels())
        .as("without doubt_below the examples never doubt")
        .contains(Label.PATIENT_SAFETY);
  }

  @Test
  void eachLabelCanNeedItsOwnShare() throws IOException {
    String comment = "the car park lift is broken and flooded";
    writeConf("labels = negative, patient_safety\nshare = 0.5\n");
    assertThat(Classifier.load(rules).classify(comment).labels()).contains(Label.NEGATIVE);

    writeConf("labels = negative, patient_safety\nshare = 0.5\nshare.negative = 1\n");
    Classification got = Classifier.load(rules).classify(comment);
    assertThat(got.labels()).contains(Label.NEGATIVE);
    assertThat(got.scores().get(Label.NEGATIVE).evidence())
        .anySatisfy(e -> assertThat(e.rule()).contains("share 1.00, needs 1.00"));

    writeConf("labels = negative\nshare = 0.5\nshare.negative = 1\n");
    Files.writeString(
        dir.resolve("examples.jsonl"),
        example("s4", "the car park lift is broken and flooded, she fell", "patient_safety") + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(Classifier.load(rules).classify(comment).labels())
        .as("one of the nearest is not negative, so the share is under 1")
        .doesNotContain(Label.NEGATIVE);
  }

  @Test
  void praiseIsNotSuggestedBesideAComplaintWhenItsVoteSaysSo() throws IOException {
    String comment = "the nurses were rubbish, not helpful or kind at all";
    writeConf("labels = positive\n");
    assertThat(Classifier.load(rules).classify(comment).labels())
        .containsExactlyInAnyOrder(Label.NEGATIVE, Label.POSITIVE);

    writeConf("labels = positive\nunless_fired.positive = negative\n");
    assertThat(Classifier.load(rules).classify(comment).labels()).containsExactly(Label.NEGATIVE);
    assertThat(Classifier.load(rules).classify("the nurses were helpful and kind").labels())
        .as("with no complaint fired, praise is still suggested")
        .containsExactly(Label.POSITIVE);
  }

  @Test
  void theShippedExamplesNeverDoubtAVeiledThreatOfSuicide() {
    // a development comment: its own text is skipped, and none of its ten nearest is safeguarding
    Classification got =
        ShippedRules.CLASSIFIER.classify(
            "ever feel like you're just taking up space. thats me every day now. i'd be doing"
                + " everyone a favour");

    assertThat(got.labels()).contains(Label.SAFEGUARDING);
    assertThat(got.scores().get(Label.SAFEGUARDING).evidence())
        .noneSatisfy(e -> assertThat(e.rule()).startsWith("examples.conf"));
  }

  @Test
  void badVoteSettingsAreRefusedWithFileAndLine() throws IOException {
    writeConf("labels = negative\nshare.kindness = 0.5\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("examples.conf:6: ")
        .hasMessageContaining("unknown setting 'share.kindness'");

    writeConf("labels = negative\nshare.positive = 0.5\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .as("a label that is not listed has no vote to set")
        .hasMessageContaining("unknown setting 'share.positive'");

    writeConf("labels = negative\nshare = 0.6\nshare_unmatched.negative = 0.5\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageStartingWith("examples.conf:7: ")
        .hasMessageContaining("share_unmatched must be at least share (negative)");

    writeConf("labels = negative\nunless_fired.negative = joy\n");
    assertThatThrownBy(() -> Classifier.load(rules)).hasMessageContaining("unknown label 'joy'");

    writeConf("labels = negative\ndoubt_share = 1\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageContaining("doubt_share must be 0 or more and below 1");

    writeConf("labels = negative\ndoubt_below = -1\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageContaining("doubt_below must be 0 or more");
  }
}
