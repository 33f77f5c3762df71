package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 7 of positive.rules and negative.rules (docs/quality.md, "Round 7"): thanks passed to a
 * person by name, young people's praise, contempt and accountability; spam praises nobody. Each
 * text is new wording, not taken from a corpus.
 */
class SentimentRound7Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "We'd love to thank the porter who found Mum's glasses, can someone pass it on?",
        "ngl the new dental hub is actually class",
        "Congrats to the maternity team on the award, well deserved."
      })
  void round7PraiseIsPositive(String text) {
    assertFires(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NHS heroes: claim your free iPhone now, link in bio!",
        "Big giveaway for nurses this week, check out my page"
      })
  void round7SpamIsNotPraise(String text) {
    assertRulesDoNotFire(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Two weeks since my email about Dad's care plan. Why the silence?",
        "Charging carers to park. You wouldn't treat a dog like this.",
        "Nobody will tell us anything about why his operation was moved."
      })
  void round7ContemptIsNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  // an insult aimed at another commenter in the staff's defence is not a complaint about the
  // service
  @ParameterizedTest
  @ValueSource(
      strings = {
        "@moaningmick stop moaning, those nurses worked a double shift for your nan",
        "Ignore that idiot in the comments, the paramedics were brilliant with my son"
      })
  void round7DefendingStaffIsNotNegative(String text) {
    assertRulesDoNotFire(Label.NEGATIVE, text);
  }
}
