package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 7 of personal_data.rules (docs/quality.md, "Round 7"): an organisation's own address is not
 * a person's, while a person's address in the same words still is. New wording, not from a corpus.
 */
class PersonalDataRound7Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Deliveries to our office at Unit 4, Brindley Park, Stafford ST16 3SR please, not the ward.",
        "Put CV2 2DX in the sat nav for the main entrance, the old postcode takes you to the staff car park."
      })
  void anOrganisationsAddressIsNotPersonalData(String text) {
    assertRulesDoNotFire(Label.PERSONAL_DATA, text);
  }

  @Test
  void aPersonsAddressStillIs() {
    assertFires(
        Label.PERSONAL_DATA,
        "The nurse can visit Dad at 12 Holly Lane, Stafford ST17 4QP, he can't get to the clinic.");
  }
}
