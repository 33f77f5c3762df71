package uk.nhs.triage.bot.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.classifier.Label;

class ScorecardTest {
  @Test
  void aMissInTheReviewBandCountsForRecallWithReviewButNotForRecall() {
    Scorecard card = new Scorecard();
    card.add(
        "a", "fell twice", Set.of(Label.PATIENT_SAFETY), Set.of(), Set.of(Label.PATIENT_SAFETY));
    card.add("b", "no obs", Set.of(Label.PATIENT_SAFETY), Set.of(), Set.of());
    card.add(
        "c", "sepsis missed", Set.of(Label.PATIENT_SAFETY), Set.of(Label.PATIENT_SAFETY), Set.of());
    // A review-band score on a comment without the label is not a miss of anything.
    card.add("d", "lovely staff", Set.of(), Set.of(), Set.of(Label.PATIENT_SAFETY));

    Scorecard.LabelFigures safety = card.figures(Label.PATIENT_SAFETY);
    assertThat(safety.support()).isEqualTo(3);
    assertThat(safety.recall()).isEqualTo(1.0 / 3);
    assertThat(safety.recallWithReview()).isEqualTo(2.0 / 3);
    assertThat(safety.falsePositives()).isZero();
    assertThat(card.micro().missedInReview()).isEqualTo(1);
  }
}
