package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A negator shortly before a sentiment word: {@code on_negation} moves the match to another label
 * or cancels it. The shipped positive and negative rules cancel (docs/quality.md, "Round 8") and
 * write praise and criticism phrased with a negator as lines of their own.
 */
class NegationTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;

  @TempDir Path dir;

  private Classifier flipping(String onNegation) throws IOException {
    Files.writeString(
        dir.resolve("positive.rules"),
        "threshold = 2\non_negation = " + onNegation + "\n2 helpful\n");
    Files.writeString(dir.resolve("negative.rules"), "threshold = 2\n2 rude\n");
    return Classifier.load(dir);
  }

  @Test
  void aNegatedMatchCanCountForAnotherLabel() throws IOException {
    Classification c = flipping("negative").classify("The staff were hardly helpful");

    assertThat(c.labels()).containsExactly(Label.NEGATIVE);
    assertThat(c.scores().get(Label.NEGATIVE).evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.rule()).startsWith("negated positive.rules:");
              assertThat(e.matched()).containsExactly("hardly", "helpful");
            });
  }

  @Test
  void aCancelledNegatedMatchCountsForNeither() throws IOException {
    Classification c = flipping("cancel").classify("The staff were hardly helpful");

    assertThat(c.labels()).isEmpty();
    assertThat(flipping("cancel").classify("The staff were so helpful").labels())
        .containsExactly(Label.POSITIVE);
  }

  @Test
  void theShippedRulesReadCriticismAndPraiseWrittenWithANegator() {
    assertThat(CLASSIFIER.classify("The staff were hardly helpful").labels())
        .contains(Label.NEGATIVE)
        .doesNotContain(Label.POSITIVE);
    assertThat(CLASSIFIER.classify("Not bad at all").labels())
        .contains(Label.POSITIVE)
        .doesNotContain(Label.NEGATIVE);
    assertThat(CLASSIFIER.classify("Honestly can’t fault the team").labels())
        .contains(Label.POSITIVE)
        .doesNotContain(Label.NEGATIVE);
  }

  @Test
  void negatorBeyondTheWindowDoesNotFlip() {
    Classification c = CLASSIFIER.classify("Not only were the nurses lovely, the food was good");

    assertThat(c.labels()).contains(Label.POSITIVE).doesNotContain(Label.NEGATIVE);
  }

  @Test
  void punctuationEndsTheNegatorsScope() {
    Classification c = CLASSIFIER.classify("No. The staff on ward 3 were brilliant and kind");

    assertThat(c.labels()).contains(Label.POSITIVE).doesNotContain(Label.NEGATIVE);
  }

  @Test
  void negationDoesNotHideNeglect() {
    Classification c = CLASSIFIER.classify("Mum was not given any water for hours");

    assertThat(c.labels()).contains(Label.PATIENT_SAFETY);
  }

  @Test
  void aNegatorBeforeAnAlreadyNegativePhraseDoesNotFlipIt() {
    Classification c =
        CLASSIFIER.classify("Dad was sent off in a taxi with no key and no one told us");

    assertThat(c.labels()).contains(Label.NEGATIVE).doesNotContain(Label.POSITIVE);
  }
}
