package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;

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
}
