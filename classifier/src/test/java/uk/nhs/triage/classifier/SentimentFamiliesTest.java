package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertDoesNotFire;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The general complaint and praise families in negative.rules and positive.rules: each is written
 * for a way of saying something, so each is checked on phrasings no corpus holds, and on the near
 * misses that share its words.
 */
class SentimentFamiliesTest {
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
        // round 5: understatement
        "The new patient portal could be better, put it that way.",
        "Left the fracture clinic rather underwhelmed after a two minute chat.",
        "Not exactly reassuring when the locum googles your tablets in front of you.",
        // a concession that opens a complaint
        "I'm sure they're doing their best but my dad's hearing aid still isn't fixed.",
        // passive-aggressive chasing
        "As per my last message, the physio letter still has the old address on it.",
        "Per your own leaflet it should be a 48 hour turnaround. Just flagging.",
        // resigned, sarcastic acceptance
        "I'll just keep sitting by the phone then, not like I've got a job to go to.",
        // rhetorical questions
        "Since when does a routine smear need three separate phone calls?",
        "Who needs a functioning lift in a maternity unit anyway?",
        "How many times do I have to give my date of birth to the same department?",
        "Does the podiatry desk open at all on Mondays or is it just me?",
        // things gone missing, care that is not there
        "My sister's blood samples have gone missing for the second time.",
        "Follow-up physio after the knee op: non-existent.",
        // closed without help
        "Asked about a second opinion, got a shrug.",
        "Not one nurse asked whether my mum had eaten that day.",
        // the wait as a verdict, warnings to others
        "The queue at the phlebotomy hub is ridiculous today.",
        "Getting a wheelchair repair took 5 months.",
        "Going to the eye casualty on a Monday? You'll be there all day.",
        // younger people's verdicts
        "the audacity of this surgery cancelling on me by text again",
        "its giving chaos at the walk in tonight",
        // addressed to whoever decided
        "Whoever planned the new one-way system round outpatients needs a word.",
        // sarcastic praise of a system, money spent on looks
        "Marvellous arrangement where you queue outside in the rain to book a blood test.",
        "Good to know the trust can afford new lanyards for everyone.",
        // second pass: what the writer only wants, whose job it is, the least you could do
        "All I want is someone to ring me back about the hearing test.",
        "Clearly nobody wants to take ownership of my mum's care plan.",
        "Podiatry says it's not their department and the GP says the same.",
        "The least you could do is tell families when visiting times change.",
        // money on the wrong thing, nobody on duty, what was meant to happen, contact nobody wants
        "You spend more on management consultants than on the district nurses.",
        "No physio available until March at the community hospital.",
        "The patient transport was supposed to collect dad at ten and came at four.",
        "Please stop texting me reminders for an appointment I cancelled in June."
      })
  void round5ComplaintFamilies(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // round 5 near misses: illness, weather, grief and plans that blame nobody
        "Horrible cough has been doing the rounds at nursery, poor lamb.",
        "Gutted I can't make the carers' coffee morning this week.",
        "Dreadful fog on the bypass, take it slow if you're heading to the clinic.",
        "Thinking of you all at the hospice after such a sad week.",
        "Why does my knee click after the injection? Is that expected?",
        "What are we meant to wear for the hydrotherapy session?",
        "How would I go about raising a complaint for my mum, just so I know the steps?",
        "Results are due this week, should I ring the surgery or wait for their call?",
        "I'm a terrible patient, always late, and the practice nurse is still lovely to me.",
        "The midwife made a scary night so much less frightening.",
        "Our daughter went missing for an hour at the fair, found safe now.",
        "The whole point of the drop-in is to help people who can't book, so come along.",
        "@footy_dad99 nobody cares about your opinion on junior doctors, mate",
        "The new birth centre is supposed to be the best in the region, can't wait.",
        "My labour wasn't a disaster after all, thanks to the midwives."
      })
  void round5ComplaintFamiliesKeepTheirNearMisses(String text) {
    assertDoesNotFire(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // round 5: British understatement
        "Mustn't grumble, the podiatrist sorted my feet out.",
        "Hard to fault the cardiac rehab class, honestly.",
        // the service at its best, as a comparison or plain satisfaction
        "Finest stroke team in the country, I'd say the best in the country.",
        "Warm welcome at the dialysis unit from the first day.",
        "The sexual health nurse knew exactly what she was doing.",
        "It was a really positive experience at the antenatal class.",
        "Pleased to report the repeat prescription app is working well.",
        // two praise words, praise by what they spared you
        "The practice nurse was calm and thorough.",
        "The dental hygienist didn't even make me feel guilty about my flossing.",
        "The night staff never once lost their temper with my dad.",
        // younger people's praise
        "the pharmacist at boots on the high st understood the assignment"
      })
  void round5PraiseFamilies(String text) {
    assertFires(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // round 5 near misses: concessions, courtesies, sarcasm, praise of someone else
        "I appreciate you're stretched but nobody has rung about the MRI.",
        "No worries if not, but could the 3pm slot be moved to Thursday?",
        "Brilliant process where you have to fax a form in 2026.",
        "Top marks for consistency: cancelled again.",
        "Well done to my son who ran the half marathon for the children's ward!",
        "Lovely to see so many people at the memorial walk.",
        "Great piece in the Guardian about ambulance handovers.",
        "Tested positive for covid again, so positive vibes only please."
      })
  void round5PraiseFamiliesKeepTheirNearMisses(String text) {
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
