package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The personal data detectors: NHS number check digit, phones, emails, postcodes, DOB. */
class PersonalDataTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;

  @Test
  void validNhsNumberFiresAndTheSameWithAWrongCheckDigitDoesNot() {
    assertThat(CLASSIFIER.classify("ref 9434765919").labels()).contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("ref 943-476-5919").labels()).contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("ref 9434765918").labels()).doesNotContain(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("ref 943 476 5918").scores())
        .doesNotContainKey(Label.PERSONAL_DATA);
  }

  @Test
  void checkDigitOfTenIsNeverValid() {
    assertThat(PersonalData.validNhsNumber("1234567890")).isFalse();
    assertThat(PersonalData.validNhsNumber("4010232137")).isTrue();
  }

  @Test
  void evidenceShowsTheKindAndAMaskedMatch() {
    Classification c = CLASSIFIER.classify("NHS no 943 476 5919, mobile 07700 900123");

    assertThat(c.scores().get(Label.PERSONAL_DATA).evidence())
        .extracting(e -> e.matched().get(0))
        .containsExactly("nhs_number *** *** *919", "mobile_phone ***** ***123");
  }

  @Test
  void emailsOnOrganisationalDomainsAreNotPersonal() {
    assertThat(CLASSIFIER.classify("write to england.contactus@nhs.net").labels())
        .doesNotContain(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("write to pals@example.nhs.uk").labels())
        .doesNotContain(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("write to sue.b1954@hotmail.co.uk").labels())
        .contains(Label.PERSONAL_DATA);
  }

  @Test
  void teamMailboxesNameNoOneWhateverTheirDomain() {
    assertThat(CLASSIFIER.classify("Please DM or email newsdesk@example.org").labels())
        .doesNotContain(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("Please DM or email james.reed@example.org").labels())
        .contains(Label.PERSONAL_DATA);
  }

  @Test
  void phoneFormsAndEmergencyNumbers() {
    assertThat(CLASSIFIER.classify("ring +44 (0)7700 900123").labels())
        .contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("text 07700900123").labels()).contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("call 999 or 111").labels()).doesNotContain(Label.PERSONAL_DATA);
  }

  @Test
  void datesOfBirthNeedABirthWordAndAFullDate() {
    assertThat(CLASSIFIER.classify("d.o.b. 01-02-1960").labels()).contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("date of birth: 5 June 1948").labels())
        .contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("appointment on 12/03/2026").labels())
        .doesNotContain(Label.PERSONAL_DATA);
  }

  @Test
  void askingToBeRungBackIsPersonalOnlyWithTheNumber() {
    assertThat(CLASSIFIER.classify("I was told someone would ring me on Monday.").labels())
        .doesNotContain(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("Can the ward call me on the landline please").labels())
        .doesNotContain(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("Please ring me on 01632 960123 after five").labels())
        .contains(Label.PERSONAL_DATA);
    assertThat(CLASSIFIER.classify("My direct line is 01632 960123, call me on that").labels())
        .contains(Label.PERSONAL_DATA);
  }
}
