package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The general complaint and praise families in negative.rules and positive.rules: each is written
 * for a way of saying something, so each is checked on phrasings no corpus holds, and on the near
 * misses that share its words.
 */
class SentimentFamiliesTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;

  private static void assertFires(Label label, String text) {
    assertThat(CLASSIFIER.classify(text).labels()).as("labels of: %s", text).contains(label);
  }

  private static void assertDoesNotFire(Label label, String text) {
    assertThat(CLASSIFIER.classify(text).labels()).as("labels of: %s", text).doesNotContain(label);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a failure counted
        "Fifth week running the district nurse rota has changed without telling us.",
        "That's the third time my son's clinic letter has gone to his dad's house.",
        // time since a date while nothing happens
        "The hearing aid repair has been waiting since August.",
        // things that should have happened and did not
        "The practice manager still hasn't replied to my letter from the spring.",
        // the cancellation and how it was done
        "Op cancelled by text the night before, after I'd arranged childcare for a week.",
        // the journey that ended in nothing
        "Drove my dad 30 miles to the clinic only to be told the consultant was on leave.",
        // sarcastic aside
        "Appointment moved to 2027. Fancy that.",
        // slowness by comparison
        "The referral is moving at the speed of a tortoise with a limp.",
        // it should not take this
        "You shouldn't have to post online to get a prescription sorted.",
        // expected better, decided without asking
        "Closing the dementia café without asking a single carer. We deserve better.",
        // sarcastic congratulations on a failure
        "Congratulations on closing yet another community bed."
      })
  void complaintsInTheirFamilies(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lost 3 stone with the weight management team and feel human again.",
        "Is the third floor clinic the one with the lift near the shop?",
        "No idea what I should bring to the pre-op, can anyone help?",
        "Trying to get our heads round the diagnosis this week.",
        "Found the lost property office next to the main reception.",
        "@Dan_1987 shut up, nobody asked your opinion about nurses' pay",
        "Didn't even have to get out of the car at the drive-through jab clinic, so easy."
      })
  void complaintFamiliesKeepTheirNearMisses(String text) {
    assertDoesNotFire(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // what a person is to the writer
        "Our practice nurse has been an absolute rock since my diagnosis.",
        // the difference it made
        "The hospice team meant the world to my mum in her last weeks.",
        // praise from a sceptic
        "Never thought I'd say this about a hospital car park but the new app is simple.",
        // a small kindness told as a fact
        "The radiographer held my hand the whole time I was in the scanner.",
        "The paramedic stayed with my nan until the night carer arrived.",
        // praise that opens with its own negator
        "Nominated our health visitor for the award. Nobody deserves it more.",
        // applause on its own
        "👏👏"
      })
  void praiseInItsFamilies(String text) {
    assertFires(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Can anyone recommend a good private physio near the hospital?",
        "Congratulations on lowering the bar yet again.",
        "Good luck to everyone doing the sponsored swim tomorrow",
        "Hit rock bottom last year and the crisis team never rang back.",
        // a debt, and a lodger, are not praise
        "He says he owes them 500 quid and they keep turning up at the door.",
        "My nephew has been staying with me since the flat flooded."
      })
  void praiseFamiliesKeepTheirNearMisses(String text) {
    assertDoesNotFire(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The nurses were lovely, but we waited nine hours for a bed on the ward.",
        "Surgeon brilliant. Follow-up letters, less so."
      })
  void mixedCommentsCarryBoth(String text) {
    assertFires(Label.POSITIVE, text);
    assertFires(Label.NEGATIVE, text);
  }
}
