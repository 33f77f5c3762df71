package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 9 of negative.rules (docs/quality.md, "Round 9"): dry and polite complaints, insults aimed
 * at the account, and a service compared badly with something ordinary. Each text is new wording,
 * not taken from a corpus.
 */
class SentimentRound9Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A text reminder for a clinic that closed last year. Absurd.",
        "Evening appointments for people who work days. Not too much to ask, surely",
        "Your new booking portal. What's it for exactly, if it never has a slot?",
        "Joined-up care, says the poster in reception. I'll believe it when I see it",
        "A letter in tiny print to my 90 year old aunt. Does anyone read what they send out?"
      })
  void aDryComplaintIsNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Cancelled my op on the morning of it, you absolute clowns",
        "The village hall has cleaner toilets than your outpatients department"
      })
  void anInsultOrABadComparisonIsNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Asked when the scan results would be back and got 'in due course'. Very helpful, thanks.",
        "The new online triage form is just the old phone queue with extra steps",
        "Never been treated like this by a receptionist in forty years at the practice",
        "Why has nobody from the ward rung us back about Dad's operation date?"
      })
  void sarcasticThanksAndQuestionsAboutInactionAreNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  // after the blind dev18 corpus
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Nice new signs in outpatients. Shame there's still nobody on the desk after 4pm",
        "The physio said they'd ring on Monday with a date. It's Thursday and nobody has",
        "The hearing loop in audiology has been out of order for three weeks",
        "I've been waiting seven months for a follow-up letter from neurology"
      })
  void spoiledPraiseABrokenPromiseAndLongWaitsAreNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  // "broken down by month" is a request's wording, not something broken for weeks; the figures
  // asked for are not the writer's own wait
  @Test
  void aRequestForWaitingFiguresIsNotReadAsABreakdownOrAWait() {
    String text =
        "Please provide the number of patients waiting more than 52 weeks for a hip, broken down"
            + " by month";
    assertThat(ShippedRules.CLASSIFIER.classify(text).scores().get(Label.NEGATIVE).evidence())
        .noneSatisfy(e -> assertThat(e.rule()).contains("\"not working\") NEAR/3 (weeks"))
        .noneSatisfy(e -> assertThat(e.rule()).contains("(\"been waiting\" | \"still waiting\""));
  }
}
