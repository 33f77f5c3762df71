package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad rule file is refused with a message naming the file, the line and the fault. */
class RuleFileErrorsTest {
  @TempDir Path dir;

  private int folders;

  /** Loads a fresh folder holding just this one file. */
  private Classifier loadWith(String file, String content) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("rules" + folders++));
    Files.writeString(folder.resolve(file), content);
    return Classifier.load(folder);
  }

  @Test
  void wordsWithoutAnOperatorAreRefusedWithFileAndLine() {
    assertThatThrownBy(() -> loadWith("negative.rules", "threshold = 2\n\n# c\n2 rude staff\n"))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("negative.rules:4: ")
        .hasMessageContaining("'staff'")
        .hasMessageContaining("use quotes for a phrase");
  }

  @Test
  void unclosedQuoteAndBracketAreRefused() {
    assertThatThrownBy(() -> loadWith("positive.rules", "threshold = 2\n2 \"thank you\n"))
        .hasMessageStartingWith("positive.rules:2: ")
        .hasMessageContaining("no closing quote");
    assertThatThrownBy(() -> loadWith("positive.rules", "threshold = 2\n2 (kind | caring\n"))
        .hasMessageStartingWith("positive.rules:2: ")
        .hasMessageContaining("not closed");
  }

  @Test
  void missingWeightAndBadSettingsAreRefused() {
    assertThatThrownBy(() -> loadWith("offensive.rules", "threshold = 2\nidiot\n"))
        .hasMessageStartingWith("offensive.rules:2: ")
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> loadWith("offensive.rules", "threshold = two\n"))
        .hasMessageStartingWith("offensive.rules:1: ")
        .hasMessageContaining("threshold must be a number");
    assertThatThrownBy(() -> loadWith("offensive.rules", "2 idiot\n"))
        .hasMessageStartingWith("offensive.rules: ")
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> loadWith("offensive.rules", "threshold = 2\nthreshhold = 3\n"))
        .hasMessageStartingWith("offensive.rules:2: ")
        .hasMessageContaining("unknown setting 'threshhold'");
  }

  @Test
  void unknownLabelFileAndDetectorAreRefused() {
    assertThatThrownBy(() -> loadWith("complaints.rules", "threshold = 1\n"))
        .hasMessageStartingWith("complaints.rules: ")
        .hasMessageContaining("not a label");
    assertThatThrownBy(
            () -> loadWith("personal_data.rules", "threshold = 1\n\n1 detector passport\n"))
        .hasMessageStartingWith("personal_data.rules:3: ")
        .hasMessageContaining("unknown detector 'passport'");
  }

  @Test
  void badPersistentUserSettingIsRefused() {
    assertThatThrownBy(() -> loadWith("persistent_user.rules", "prolific_window = soon\n"))
        .hasMessageStartingWith("persistent_user.rules:1: ")
        .hasMessageContaining("24h or 7d");
  }

  @Test
  void aFollowUpWindowThatIsNotADurationIsRefused() {
    assertThatThrownBy(
            () -> loadWith("press_contact.rules", "threshold = 2\nfollow_up_window = a week\n"))
        .hasMessageStartingWith("press_contact.rules:2: ")
        .hasMessageContaining("24h or 7d");
  }

  @Test
  void aBorderlineNegativeBarOfZeroIsRefused() {
    assertThatThrownBy(() -> loadWith("persistent_user.rules", "negative_now_score = 0\n"))
        .hasMessageStartingWith("persistent_user.rules:1: ")
        .hasMessageContaining("negative_now_score must be above 0");
  }

  @Test
  void aSmallValidFolderLoadsAndItsVersionFollowsTheContent() throws IOException {
    Classifier first = loadWith("negative.rules", "threshold = 2\n2 rude | \"not helpful\"\n");
    Classifier second = loadWith("negative.rules", "threshold = 2\n2 rude\n");

    assertThat(first.classify("So rude").labels()).containsExactly(Label.NEGATIVE);
    assertThat(first.rulesVersion()).matches("[0-9a-f]{12}").isNotEqualTo(second.rulesVersion());
  }
}
