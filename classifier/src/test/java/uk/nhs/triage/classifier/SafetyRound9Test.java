package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.classifier.ShippedRules.assertDoesNotFire;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 9 of patient_safety.rules (docs/quality.md, "Round 9"): hyperbole, television, advice,
 * outcomes that were fine and journalists' enquiries are not reports of harm; a wrong dose, sight
 * lost while waiting and a patient on the floor for nobody knows how long are. Each text is new
 * wording, not taken from a corpus.
 */
class SafetyRound9Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Forty minutes on hold to the surgery this morning, nearly died of boredom",
        "Almost had a heart attack at the price of the coffee in the hospital atrium 😂",
        "Didn't die of course, but an hour for a prescription at the hospital pharmacy is a joke",
        "Phone battery died while I was waiting in A&E, four hours and counting"
      })
  void hyperboleAboutNothingDangerousIsNotHarm(String text) {
    assertDoesNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "That medical drama last night had a patient fall off the trolley and nobody noticed, as if",
        "Quick reminder to our older followers: if you have a fall at home, ring 111 even if you feel fine"
      })
  void televisionAndAdviceAreNotHarm(String text) {
    assertDoesNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "It was like something out of a hospital drama, Mum lay on the ward floor for three hours"
            + " and nobody came",
        "We ended up on ITV news because Dad lay on a trolley for 30 hours with a broken hip and"
            + " nobody gave him pain relief"
      })
  void harmLikenedToTelevisionOrToldOnTheNewsIsStillHarm(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hello, I'm a reporter at the Courier. A family tells us their mum lay on the floor for hours"
            + " waiting for an ambulance. Could the trust give us a statement by 5pm?",
        "Health correspondent here: we are publishing a piece on patients who died waiting for beds."
            + " Would the press office like to comment?"
      })
  void aJournalistsEnquiryIsForThePressOfficeNotPatientSafety(String text) {
    assertDoesNotFire(Label.PATIENT_SAFETY, text);
    assertFires(Label.PRESS_CONTACT, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I'm a journalist but writing as a daughter: Mum lay on the ward floor for three hours and"
            + " nobody came"
      })
  void aJournalistReportingHarmAsAFamilyMemberStillCounts(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Grandad was given 20mg of morphine instead of 2mg on the surgical ward last night",
        "By the time the retina clinic saw her she had lost the sight in one eye, the referral sat"
            + " waiting for two months",
        "Found Dad on the floor of his side room and the nurses have no idea how long he'd been there"
      })
  void aWrongDoseLostSightAndAnUntimedFallAreHarm(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Her flu jab was cancelled twice because the clinic double booked, third time lucky",
        "Out of hours rang back after six hours about my son's earache. He was fine by then tbh"
      })
  void cancelledJabsAndAFineOutcomeAreNotHarm(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Logged into the NHS app and I can see someone else's blood results and their address",
        "Eight months since my complaint about Dad's care and still no reply from the complaints team",
        "Our baby died on your unit last spring and we are still waiting for the investigation report"
      })
  void aDataBreachOrAComplaintChasedIsNotANewReportOfHarm(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The pharmacy gave Mum someone else's tablets and she has been on them for a week, she is"
            + " dizzy and keeps falling"
      })
  void someoneElsesMedicinesAreStillHarm(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  // after the blind dev17 corpus: each text fires, and the new family is among its evidence
  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        "Dispensary on our ward has no second checks on insulin any more, one tech for the whole"
            + " floor # no second check",
        "My dad is coughing up blood and the surgery said come back next week when the locum is in"
            + " # coughing up blood",
        "Six weeks on the list with a lump under her arm and she has lost two stone since"
            + " # \"lost two stone\"",
        "The walk-in centre said it's just a strain. Turned out to be a fracture that healed"
            + " crooked # \"said it's\""
      })
  void checksSkippedBloodIgnoredALumpLeftAndAMissedDiagnosisAreHarm(String text, String family) {
    assertFires(Label.PATIENT_SAFETY, text);
    assertThat(ShippedRules.CLASSIFIER.classify(text).scores().get(Label.PATIENT_SAFETY).evidence())
        .anySatisfy(e -> assertThat(e.rule()).contains(family));
  }

  // after the blind dev18 corpus
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Writing as a patient, not a reporter: just a very happy mum. Thanks to the eye clinic for"
            + " fitting us in on Saturday"
      })
  void beingFittedInIsNotAFit(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The plaster was taken off too early on the ward and nobody checked it, now her ankle has"
            + " healed crooked"
      })
  void aBoneLeftToHealCrookedIsHarm(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }
}
