package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertDoesNotFire;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 9 of safeguarding.rules (docs/quality.md, "Round 9"): a parent asking who to call about an
 * everyday illness is asking for advice, unless the comment also speaks of marks, neglect or a
 * child left alone. Each text is new wording, not taken from a corpus.
 */
class SafeguardingRound9Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "My daughter is 3 and has had a fever since Sunday night, who should I ring?",
        "My boy is 5 and has been coughing all night, who do I call?",
        "Our girl is 7 with a temperature of 39, please help, who do we call at this hour?"
      })
  void anEverydayIllnessIsNotASafeguardingConcern(String text) {
    assertDoesNotFire(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The toddler next door has had a fever for days and is left alone every night while his mum"
            + " is out, who do I tell?",
        "My niece is 5, has a chest infection nobody treats and bruises on her arms she won't explain"
      })
  void illnessBesideNeglectIsStillASafeguardingConcern(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  // after the blind dev17 corpus
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Does the walk-in centre give out the morning after pill or is it pharmacy only?",
        "Shout out to the care staff at Oak Lodge who sang with Mum on her birthday",
        "Free online sessions on spotting exploitation next week, open to all, book via the link"
            + " below",
        "Last night's episode where the nurse gives the wrong drug had me shouting at the telly",
        "My 3 week old keeps sicking up after feeds, is that normal or should I ring the health"
            + " visitor?"
      })
  void adviceAdvertsTelevisionAndPraiseAreNotConcerns(String text) {
    assertDoesNotFire(Label.SAFEGUARDING, text);
  }
}
