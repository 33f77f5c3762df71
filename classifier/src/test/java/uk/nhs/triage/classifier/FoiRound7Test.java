package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 7 of foi_request.rules (docs/quality.md, "Round 7"): requests made under the Acts or in
 * Welsh, a journalist asking for a count, what the organisation pays and signs; and the look-alikes
 * that must stay with the comms team. Each text is new wording, not from a corpus.
 */
class FoiRound7Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Under the Freedom of Information Act please send me the trust's spend on taxis in 2025.",
        "Cais rhyddid gwybodaeth: faint o nyrsys asiantaeth a gyflogwyd y llynedd?",
        "Newsdesk here, deadline 5pm: how many patients waited over 12 hours in A&E last week?",
        "What was the total pay of the trust's chief executive last year, bonus included?"
      })
  void round7RequestsReachTheFoiTeam(String text) {
    assertFires(Label.FOI_REQUEST, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "On hold to the booking line again, give it 50 mins and maybe someone answers.",
        "Can I have a copy of the discharge letter about me? I'm the patient.",
        "Is the PALS email still the one on the website? Asking for my dad.",
        "How many more people are ahead of me in the queue? Been on hold 35 minutes."
      })
  void round7LookAlikesStayWithComms(String text) {
    assertRulesDoNotFire(Label.FOI_REQUEST, text);
  }
}
