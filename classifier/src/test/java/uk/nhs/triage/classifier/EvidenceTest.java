package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every label explains itself: which rule, and the comment's words as written. */
class EvidenceTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;

  @Test
  void evidenceNamesRuleFileLineAndTheWordsAsWritten() {
    Classification c =
        CLASSIFIER.classify("My Dad has NOT been offered any Drinks for 2 DAYS on ward 9");

    LabelScore safety = c.scores().get(Label.PATIENT_SAFETY);
    assertThat(safety.verdict()).isEqualTo(Verdict.FIRED);
    assertThat(safety.score()).isGreaterThanOrEqualTo(safety.threshold());
    assertThat(safety.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.rule()).matches("patient_safety\\.rules:\\d+ .*NEAR/5.*");
              assertThat(e.matched()).containsExactly("NOT", "Drinks");
              assertThat(e.weight()).isPositive();
            });
  }

  @Test
  void phraseEvidenceKeepsTheOriginalSpacingAndCase() {
    Classification c = CLASSIFIER.classify("I just want to END IT ALL tonight");

    assertThat(c.scores().get(Label.SAFEGUARDING).evidence())
        .anySatisfy(e -> assertThat(e.matched()).containsExactly("END IT ALL"));
  }

  @Test
  void stemmingAndSpellingMatchWordForms() {
    assertThat(CLASSIFIER.classify("She was dehydrated and nobody noticed").labels())
        .contains(Label.PATIENT_SAFETY);
    assertThat(CLASSIFIER.classify("Absolutely disgusted, complaining again").labels())
        .contains(Label.NEGATIVE);
  }

  @Test
  void exclusionsShowWithNegativeWeight() {
    Classification c = CLASSIFIER.classify("I'll be putting in an FOI about this");

    LabelScore foi = c.scores().get(Label.FOI_REQUEST);
    assertThat(foi.verdict()).isEqualTo(Verdict.NONE);
    assertThat(foi.evidence()).anySatisfy(e -> assertThat(e.weight()).isNegative());
  }

  @Test
  void borderlineScoresGoToReview() {
    Classification c = CLASSIFIER.classify("Nan fell");

    assertThat(c.forReview()).contains(Label.PATIENT_SAFETY);
    assertThat(c.labels()).doesNotContain(Label.PATIENT_SAFETY);
  }

  @Test
  void labelsThatScoredNothingAreAbsent() {
    Classification c = CLASSIFIER.classify("What time does the clinic open?");

    assertThat(c.scores()).doesNotContainKeys(Label.PATIENT_SAFETY, Label.SAFEGUARDING);
    assertThat(c.rulesVersion()).isEqualTo(CLASSIFIER.rulesVersion()).matches("[0-9a-f]{12}");
  }

  @Test
  void everyRuleRendersAsALuceneQuery() {
    assertThat(CLASSIFIER.explainRules())
        .isNotEmpty()
        .anySatisfy(r -> assertThat(r).contains("SpanNearQuery"))
        .anySatisfy(r -> assertThat(r).contains("PhraseQuery"))
        .anySatisfy(r -> assertThat(r).contains("WildcardQuery"));
  }
}
