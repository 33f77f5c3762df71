package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 8 of patient_safety.rules (docs/quality.md, "Round 8"): a button pressed again and again is
 * a patient's call bell, not a lift's or a car park's. Each text is new wording, not taken from a
 * corpus.
 */
class SafetyRound8Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Pressed the lift button four times on level 2 and nothing, stairs it is",
        "The car park barrier button needs pressing three times before it lifts"
      })
  void aButtonThatIsNotACallBellIsNotHarm(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dad rang his bell again and again for the toilet and nobody came for 40 minutes",
        "She pressed the buzzer 3 times and in the end had to get up on her own and fell"
      })
  void aCallBellIgnoredIsStillHarm(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The carers haven't turned up for three days and my gran has had nothing to eat or drink",
        "Our neighbour lives on his own and we found him on the kitchen floor this morning, freezing"
      })
  void harmAtHomeWithNoServiceNamedIsNotPatientSafety(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
    assertFires(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "They discharged Nan at midnight with no carers arranged, she lives alone and fell on the stairs",
        "Mum's carer rang the district nurse four times about her leg ulcer and nobody came out"
      })
  void harmAtHomeBesideAServiceStillCounts(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }
}
