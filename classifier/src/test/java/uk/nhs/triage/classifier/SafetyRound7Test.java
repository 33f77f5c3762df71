package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 7 of patient_safety.rules (docs/quality.md, "Round 7"): an illness, a symptom or a
 * short-staffed shift named alone is not yet a failure of care and needs one more sign; a few plain
 * kinds of harm no earlier rule met. Each text is new wording, not taken from a corpus.
 */
class SafetyRound7Test {
  // unsterile instruments, a broken defibrillator, a newborn losing weight unweighed, gloves not
  // changed, a starving patient told she is not ill enough, a self-harm threat to an unanswered
  // crisis line, a named illness with a delay
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Theatre instruments came back with blood on them and nobody would listen.",
        "The defibrillator on the children's ward has been broken for a month.",
        "Our newborn dropped a lot of his birth weight and the midwife never weighed him.",
        "The nurse did my dressing in the same gloves she'd used on the man in the next bed.",
        "She keeps fainting and the clinic says she's not ill enough to be seen.",
        "I'm going to jump tonight, the crisis line just rings out.",
        "My son had sepsis and they left him in the waiting room for five hours.",
        "Mum picked up MRSA on your ward and nobody told us for a week."
      })
  void round7PatientSafetyFires(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  // a question about an allergy pen, a jab, a bug at school, a thank-you to a short-staffed team,
  // a joke about fainting, a television storyline, a ward's good record, laughing in stitches, an
  // error caught in time, a sat nav postcode
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Can my daughter's school keep a spare epipen for her?",
        "Is the meningitis jab free for students starting uni?",
        "Sickness bug doing the rounds at nursery, norovirus apparently, hand washing everyone.",
        "Massive thanks to the district nurses, short staffed all winter and still smiling.",
        "I fainted at my first blood test too, the phlebotomist was lovely about it.",
        "That storyline on last night's episode with the overdose was hard to watch.",
        "Zero falls on the stroke ward for three months, what a team.",
        "The clown on the children's ward had the whole bay in stitches.",
        "The pharmacist caught the wrong strength before it was given, I trust that team.",
        "Put DY1 2HQ in the sat nav and you'll end up at the right car park."
      })
  void round7NearMissesStayQuiet(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  // safeguarding.rules: a child named beside an everyday word (a bruise from a bike, a burns
  // unit, a locked door, off school ill, a new phone) is not yet a child at risk
  @ParameterizedTest
  @ValueSource(
      strings = {
        "My lad came off his scooter and has a bruise on his shin, the walk-in were great.",
        "The side door to the children's clinic was locked so we went round the front.",
        "Both kids off school with a cold this week, any idea when the flu spray clinic is?",
        "Got my daughter a new phone so she can book her own appointments on the app.",
        "Big thanks to the burns team who looked after my son over the summer."
      })
  void round7EverydayChildWordsStayQuiet(String text) {
    assertRulesDoNotFire(Label.SAFEGUARDING, text);
  }

  // the same words with a child at risk still reach the safeguarding lead
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The little boy next door is always hungry and has bruises on his arms, his mum's boyfriend shouts at him.",
        "My niece is 13 and an older man keeps picking her up from school and buying her vapes."
      })
  void round7ChildAtRiskStillFires(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }
}
