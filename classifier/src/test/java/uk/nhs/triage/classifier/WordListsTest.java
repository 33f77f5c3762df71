package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A named list in words.conf is written $name in a rule and matches as its words would. */
class WordListsTest {
  @TempDir Path dir;

  private Classifier load(String words, String rules) throws IOException {
    if (words != null) {
      Files.writeString(dir.resolve("words.conf"), words);
    }
    Files.writeString(dir.resolve("negative.rules"), rules);
    return Classifier.load(dir);
  }

  @Test
  void aListMatchesAsItsWordsWouldAndTheEvidenceShowsTheLineAsWritten() throws IOException {
    Classifier classifier =
        load(
            "# who\nstaff_words = nurse* | doctor | \"the receptionist\"\n",
            "threshold = 2\n2 rude NEAR/3 $staff_words\n");

    assertThat(classifier.classify("The receptionist was so rude").labels())
        .containsExactly(Label.NEGATIVE);
    assertThat(classifier.classify("nurses rude to my mum").labels())
        .containsExactly(Label.NEGATIVE);
    assertThat(classifier.classify("rude weather today").labels()).isEmpty();
    assertThat(classifier.classify("nurses rude to my mum").scores().get(Label.NEGATIVE).evidence())
        .singleElement()
        .satisfies(
            e -> assertThat(e.rule()).isEqualTo("negative.rules:2 2 rude NEAR/3 $staff_words"));
  }

  @Test
  void anUnknownListIsRefusedWithTheFileLineAndTheListsThereAre() {
    assertThatThrownBy(() -> load("staff_words = nurse\n", "threshold = 2\n\n2 rude & $staf\n"))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("negative.rules:3: ")
        .hasMessageContaining("no word list named $staf")
        .hasMessageContaining("$staff_words");
  }

  @Test
  void aLineOfWordsConfThatIsNotANamedListIsRefused() {
    assertThatThrownBy(() -> load("# lists\nnurse | doctor\n", "threshold = 2\n2 rude\n"))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("words.conf:2: ");
  }
}
