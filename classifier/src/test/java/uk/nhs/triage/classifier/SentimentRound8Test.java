package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 8 (docs/quality.md, "Round 8"): a criticism under a negator is no longer read as praise;
 * giving up on being heard is a complaint, not despair; two insults the offensive rules missed.
 * Each text is new wording, not taken from a corpus.
 */
class SentimentRound8Test {
  // the negator belongs to the complaint ("no reply") or to something else ("isn't rude" about a
  // place name); the insult after it is not praise
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Still no reply from you, useless lot",
        "never once a callback, hopeless the lot of you",
        "For the hundredth time, the town's name isn't rude, it's Welsh"
      })
  void aNegatedCriticismIsNotPraise(String text) {
    assertRulesDoNotFire(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Not a single complaint from our family, the hospice nurses were with Dad every step",
        "No complaints at all about the eye clinic, in and out in twenty minutes"
      })
  void praiseWrittenWithANegatorIsPositive(String text) {
    assertFires(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No point complaining to this trust, nobody reads them",
        "What's the point ringing the surgery, it just rings out"
      })
  void givingUpOnBeingHeardIsNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No point ringing the pharmacy before ten, they never pick up",
        "no point calling them on a Sunday, the line's closed"
      })
  void givingUpOnAPhoneLineIsNotSafeguarding(String text) {
    assertRulesDoNotFire(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No point ringing anyone now. I've got the tablets ready and I just want it all to stop"
      })
  void givingUpBesideSelfHarmIsStillSafeguarding(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Sort your phones out you bunch of p*icks", "Tell that rude cow on the desk"})
  void maskedAndPlainInsultsAreOffensive(String text) {
    assertFires(Label.OFFENSIVE, text);
  }

  // a promise or a wait measured out, a service that never came back
  @ParameterizedTest
  @ValueSource(
      strings = {
        "They told me I'd get a call from the consultant. No call.",
        "Promised an appointment in spring. It's been eight months.",
        "Signed off by the community physio after one appointment and a sheet of exercises",
        "Never the same GP twice at our practice, you tell your story from the start every time"
      })
  void aBrokenPromiseIsNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "It's been a year since my transplant and I'm doing brilliantly",
        "No letter needed, just bring your card to the desk"
      })
  void aMeasuredTimeOrAMissingLetterAloneIsNot(String text) {
    assertRulesDoNotFire(Label.NEGATIVE, text);
  }

  // the negator reaches praise it does not govern: "barely noticed ... quick and painless"
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Can't fault the flu clinic, my son hardly noticed, quick and painless",
        "Never thought I'd say it but the new GP is lovely and so patient"
      })
  void aNegatedPraiseIsNotACriticism(String text) {
    assertRulesDoNotFire(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The lady on the phone was not helpful at all",
        "Consultant wasn't interested in a word I said"
      })
  void criticismWrittenWithANegatorIsNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Staffing levels are 'safe' according to the board. On what planet?",
        "IT problems again, what a convenient excuse",
        "Twelve quid to park for an hour is a rip off"
      })
  void disbeliefExcusesAndRipOffsAreNegative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Beware of a scam text pretending to be from the NHS asking for bank details"})
  void aWarningAboutAScamIsNotAComplaint(String text) {
    assertRulesDoNotFire(Label.NEGATIVE, text);
  }

  // a worried disclosure about harm at home is safeguarding, not a complaint about the service
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Really worried, my elderly neighbour's curtains have been shut all week and the post is piling up",
        "My neighbour lives alone and I haven't seen her for days, I'm really worried, who do I call?"
      })
  void aWorriedDisclosureAboutHomeIsNotAComplaint(String text) {
    assertRulesDoNotFire(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mum lives on her own and the district nurse cancelled again, no one rang, appalling"
      })
  void aServiceFailingSomeoneAtHomeIsStillAComplaint(String text) {
    assertFires(Label.NEGATIVE, text);
  }
}
