package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A negator shortly before a sentiment word moves its weight to the opposite label. */
class NegationTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;

  @Test
  void negatedPraiseCountsAsCriticism() {
    Classification c = CLASSIFIER.classify("The staff were hardly helpful");

    assertThat(c.labels()).contains(Label.NEGATIVE).doesNotContain(Label.POSITIVE);
    assertThat(c.scores().get(Label.NEGATIVE).evidence())
        .anySatisfy(
            e -> {
              assertThat(e.rule()).startsWith("negated positive.rules:");
              assertThat(e.matched()).containsExactly("hardly", "helpful");
            });
  }

  @Test
  void negatedCriticismCountsAsPraise() {
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
