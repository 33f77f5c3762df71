package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A label set to fire with another: a report of harm to a patient is a complaint too. */
class FiresWithTest {
  @TempDir Path dir;

  private Classifier load(String negativeHeader) throws IOException {
    Files.writeString(
        dir.resolve("patient_safety.rules"), "threshold = 2\n2 \"not offered\" NEAR/3 drink\n");
    Files.writeString(
        dir.resolve("negative.rules"), negativeHeader + "threshold = 2\n2 disgrace\n1 slow\n");
    return Classifier.load(dir);
  }

  @Test
  void firesWhenTheOtherLabelFiresAndSaysWhy() throws IOException {
    Classifier classifier = load("fires_with = patient_safety\n");

    Classification c = classifier.classify("Dad was not offered a drink all day, so slow");

    assertThat(c.labels()).contains(Label.PATIENT_SAFETY, Label.NEGATIVE);
    assertThat(c.scores().get(Label.NEGATIVE).evidence())
        .extracting(Evidence::rule)
        .contains("negative.rules fires_with = patient_safety");
    assertThat(c.score(Label.NEGATIVE)).isEqualTo(2);
  }

  @Test
  void doesNothingWhenTheOtherLabelDoesNotFire() throws IOException {
    Classifier classifier = load("fires_with = patient_safety\n");

    assertThat(classifier.classify("The clinic was slow today").labels())
        .doesNotContain(Label.NEGATIVE);
    assertThat(classifier.classify("What a disgrace").labels()).containsExactly(Label.NEGATIVE);
  }

  @Test
  void withoutTheSettingLabelsStayApart() throws IOException {
    Classifier classifier = load("");

    assertThat(classifier.classify("Dad was not offered a drink all day").labels())
        .containsExactly(Label.PATIENT_SAFETY);
  }

  @Test
  void anUnknownLabelIsNamedWithFileAndLine() {
    assertThatThrownBy(() -> load("fires_with = patient_safty\n"))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("negative.rules")
        .hasMessageContaining("patient_safty");
  }
}
