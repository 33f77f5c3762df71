package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertDoesNotFire;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each label on comments that should carry it, and on near misses that should not. */
class LabelRulesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thank you to the nurses on ward 7, brilliant care 🙏❤️",
        "Brilliant service at the walk-in centre today, seen within 20 minutes",
        "🙏❤️ amazing team",
        "Huge thanks to the paramedics who looked after my dad last night, absolute heroes",
        "Can't fault the maternity unit, the midwives were so kind",
        "No complaints at all, the GP surgery was spot on"
      })
  void positive(String text) {
    assertFires(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "great, another 6 hour wait 👏",
        "Thanks in advance, where is the diabetes clinic?",
        "Brilliant, yet again no appointments available",
        "Not happy with how my mum was treated",
        "Thanks for nothing, still waiting for a call back",
        "Is the blood test clinic open on Saturdays?"
      })
  void positiveTraps(String text) {
    assertDoesNotFire(Label.POSITIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Waited 9 hours in A&E with my son, absolute disgrace",
        "Appalling attitude from the receptionist at my GP",
        "great, another 6 hour wait 👏",
        "Still waiting for a call back from the hospital, this is ridiculous 😡",
        "Not happy with how my mum was treated on ward 12",
        "Rang at 8am, 40th in the queue and no appointments left. Useless.",
        "Mum has been left without her pain relief since last night and is in agony",
        "you're all a bunch of useless idiots",
        "Had to chase my own referral four times",
        "Love waiting 3 hours past my appointment time"
      })
  void negative(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No complaints at all, great service",
        "Not bad at all, seen quickly",
        "Can't fault them, the staff were lovely",
        "What time does the pharmacy open on Sunday?",
        "Worried about my test results, does anyone know how long they take?",
        "Never had a bad experience at this practice",
        "How do I complain about a private dentist? Is that you or someone else?",
        "Sepsis can kill. Know the signs: slurred speech, extreme shivering"
      })
  void negativeTraps(String text) {
    assertDoesNotFire(Label.NEGATIVE, text);
  }

  // round 6: a negated superlative of rudeness, a family not kept updated, "imagine being this
  // disorganised", "this whole farce", Welsh complaint words
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The man on the pharmacy counter couldn't have been less helpful if he tried.",
        "Dad's been on ward 6 since Friday and we've not been updated once.",
        "Imagine being this disorganised with people's cancer appointments.",
        "I'm sick of this whole farce with the parking permits.",
        "Gwasanaeth gwarthus heddiw, siomedig iawn."
      })
  void negativeRound6(String text) {
    assertFires(Label.NEGATIVE, text);
  }

  // round 6 near misses: a negated superlative of kindness, safeguarding disclosures about family
  // or neighbours (no complaint about the service), Welsh thanks
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The midwife couldn't have been kinder to us, thank you.",
        "My 13 year old niece has a man messaging her telling her not to tell her mum, who do we go to?",
        "Is this normal? My neighbour's toddler is out on the balcony with no adult around.",
        "Diolch yn fawr to the nurses on ward 3."
      })
  void negativeRound6Traps(String text) {
    assertDoesNotFire(Label.NEGATIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My father is at GWH and has not been offered a drink for 2 days",
        "Mum was left in soiled sheets all night and nobody came when she pressed the buzzer",
        "They gave my dad the wrong dose of insulin and he collapsed",
        "Nan fell on the ward twice last night and no one checked on her",
        "Discharged at 2am on her own with a cannula still in her arm",
        "Waited 5 hours for an ambulance, my husband was on the floor the whole time",
        "Told it was a virus and sent home, turned out to be sepsis",
        "Dad has been left with no pain relief since this morning, he is in agony"
      })
  void patientSafety(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thank you to the nurse who kept my mum safe during her stay",
        "Waited 3 hours to be seen at the walk-in centre, so slow",
        "It's Sepsis Awareness Week: find out more about the signs",
        "What is your policy on visiting hours for the children's ward?",
        "Please press the button to be let onto the ward",
        "The drinks machine in the waiting area has been broken for days"
      })
  void patientSafetyTraps(String text) {
    assertDoesNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I want to end it, there's no point going on anymore",
        "My neighbour's kids are left alone every night, the youngest is about 4",
        "Her partner hits her and she's too scared to go home",
        "My nan has dementia and was found wandering the streets at 3am on her own",
        "An older man keeps messaging my 13 year old daughter on snapchat",
        "The carer never turned up and left mum without food all weekend",
        "I can't cope anymore, I just want to kill myself",
        "He said he'll kill me if I leave him",
        "My friend is 15 and her boyfriend is 25, he gives her weed",
        "I'm so tired of everything. Nobody would even notice if I was gone"
      })
  void safeguarding(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "This wait is killing me",
        "I could murder a coffee after that shift",
        "Safeguarding Adults Week: join our webinar on spotting abuse",
        "Book your place on our safeguarding training course",
        "Dying for a cuppa after 4 hours in A&E",
        "My kids loved the new play area in the children's ward",
        "My son is 4 and has had a temperature all night, who do I call?",
        "My mum is 89 and lives alone, can she get the flu jab at home?"
      })
  void safeguardingTraps(String text) {
    assertDoesNotFire(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Under the Freedom of Information Act please provide the number of agency nurses used in"
            + " 2024",
        "FOI request: how much did the trust spend on management consultants last year?",
        "How many complaints did you receive about the maternity unit in 2023?",
        "Please publish the minutes of the last board meeting",
        "Can you tell me the number of beds closed due to norovirus this winter?",
        "I would like a copy of your policy on car parking charges for staff"
      })
  void foiRequest(String text) {
    assertFires(Label.FOI_REQUEST, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What are your opening hours on bank holidays?",
        "I'll be putting in an FOI about this",
        "How do I book a blood test?",
        "Can I get a copy of my medical records?",
        "When does the new clinic start taking patients?",
        "Where is the fracture clinic?"
      })
  void foiRequestTraps(String text) {
    assertDoesNotFire(Label.FOI_REQUEST, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I'm a reporter at the Echo, could your press office comment on the ward closure by 5pm?",
        "Hi, I'm a journalist at BBC Midlands working on a story about ambulance waits. Could"
            + " someone DM me?",
        "Producer from ITV News here, we'd like to interview someone about the new hospital",
        "Could your media team provide a statement for a piece we're running tomorrow?",
        "Health correspondent at the Guardian here, can you comment on the cancelled operations?"
            + " Deadline 4pm"
      })
  void pressContact(String text) {
    assertFires(Label.PRESS_CONTACT, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Press the button at reception to check in",
        "The nurses are under so much pressure, thank you all",
        "Did you see the BBC article about A&E waits? Shocking",
        "Press 1 for appointments is all I hear for an hour",
        "As a journalist I just want to thank the staff who cared for my mum",
        "Sharing this story from the Express & Star about our new scanner"
      })
  void pressContactTraps(String text) {
    assertDoesNotFire(Label.PRESS_CONTACT, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What a f*cking joke, sh1t service",
        "You lot are absolute c**ts",
        "wtf is going on with the phones",
        "Useless bunch of idiots running this place",
        "f**k this surgery and its receptionists",
        "fcuk the NHS management, bunch of clowns"
      })
  void offensive(String text) {
    assertFires(Label.OFFENSIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lovely day out in Scunthorpe with the family",
        "Had a cocktail to celebrate my discharge",
        "This is a disgrace and you should be ashamed",
        "Arsenal fans at the hospital fundraiser today",
        "I need to drop off a urine sample, where do I take it?",
        "The assessment unit was class, cheers"
      })
  void offensiveTraps(String text) {
    assertDoesNotFire(Label.OFFENSIVE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My mum's NHS number is 943 476 5919, can someone call me?",
        "Call me on 07700 900123 about my appointment",
        "email me at jane.doe@gmail.com please",
        "He lives at 12 High Street, WV10 0QP",
        "Patient DOB 12/03/1954 was sent home",
        "My dad was born 3rd March 1961 and is still waiting",
        "+44 7700 900123 is my number"
      })
  void personalData(String text) {
    assertFires(Label.PERSONAL_DATA, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Order ref 1234567890 still not arrived",
        "Email pals@nhs.net for help with complaints",
        "Call 999 in an emergency or 111 for advice",
        "I was born in 1961 and never waited this long",
        "The clinic moved in 2019",
        "Ring the switchboard on 01902 307999"
      })
  void personalDataTraps(String text) {
    assertDoesNotFire(Label.PERSONAL_DATA, text);
  }

  // Text-speak folded onto the words rules use (spellings.conf): "gr8" is "great".
  @Test
  void textSpeakMeetsTheRulesForTheWordItStandsFor() {
    assertFires(Label.POSITIVE, "gr8 care from the nurses on ward 4");
    assertFires(Label.POSITIVE, "great care from the nurses on ward 4");
  }

  // The general patterns: phrasings no rule lists word for word, caught from their lexicons.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "my nan was on the kitchen floor for 3 hrs before anyone came",
        "Pharmacy gave my husband the wrong strength warfarin",
        "GP said it was just a virus, she ended up in intensive care that night",
        "one nurse covering 30 beds overnight, it's dangerous",
        "rang 999, the ambo took 7 hours and he was on the floor the whole time"
      })
  void patientSafetyFromLexicons(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Not only were the nurses lovely, the food was good",
        "I fell asleep in the waiting room after 3 hours, seen in the end",
        "Falls prevention classes start on Tuesday at the community centre",
        "PSA: if you have symptoms of stroke call 999, don't wait"
      })
  void patientSafetyLexiconsKeepTheirNearMisses(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I've been saving my tablets for weeks",
        "keep thinking about driving into a wall on the way home",
        "some bloke online keeps asking my 12 year old for pictures and says not to tell me",
        "her family are making her marry a man she's never met"
      })
  void safeguardingFromLexicons(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Is the domestic abuse support group still on thursdays?",
        "My kid's been hit by chickenpox, can he still go to the party?"
      })
  void safeguardingLexiconsKeepTheirNearMisses(String text) {
    assertRulesDoNotFire(Label.SAFEGUARDING, text);
  }

  // Round 4 families: harm near a failure of care, medicines handled wrongly, someone dismissed as
  // drunk; control, money tricked away, suicide said obliquely or in online words.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The nurse gave dad 10mg of morphine instead of 1mg and he stopped responding for an hour",
        "They treated him like he was drunk in A&E but it was a stroke, by the time anyone scanned him"
            + " it was too late",
        "My mum keeled over in the bay and nobody came for twenty minutes",
        "The chemist handed over a bag of tablets meant for a different lady and mum took two",
        "His syringe driver ran dry on Saturday night and no nurse came until Monday"
      })
  void patientSafetyFromRoundFourFamilies(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ambulance was with us in 6 minutes when grandad had his fall, thank you so much",
        "I've had my medication review at last, the pharmacist was great",
        "The staff kept my mum safe and comfortable, I cannot thank them enough"
      })
  void patientSafetyRoundFourNearMisses(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Her boyfriend tracks her phone and gives her an allowance, she's frightened of him",
        "My 14 year old is being blackmailed by someone who says he'll send her photos to everyone",
        "i just want to unalive myself tbh",
        "Our elderly neighbour has been fleeced by rogue traders, she's 86 and lives alone",
        "honestly the family would be fine without me in it"
      })
  void safeguardingFromRoundFourFamilies(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My partner checks the car park app every morning because the charges keep changing",
        "My husband is terrified of needles so the nurse was so patient with him, thank you",
        "That documentary about the care home abuse scandal was hard to watch"
      })
  void safeguardingRoundFourNearMisses(String text) {
    assertRulesDoNotFire(Label.SAFEGUARDING, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Can you tell me the number for the eye clinic please",
        "How many appointments are left for today at the walk in?",
        "Freelance journalist here, could your media team send me your latest figures?"
      })
  void businessAsUsualIsNotFoi(String text) {
    assertDoesNotFire(Label.FOI_REQUEST, text);
  }

  /** LABELLING.md (decided 2026-11-23): a request for recorded information is FOI whoever asks. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sam Okafor, Wrexham Leader. For a feature next week: how many hip operations did the"
            + " health board cancel in each month of 2025? A comment from the medical director"
            + " would also help. Deadline Thursday.",
        "Hi, health correspondent at the Western Mail. Could the trust provide the total it spent"
            + " on agency nurses last year, and give us a statement on the overspend?",
        "Reporter at the Evening Post here, we're running a story on parking. Please could you"
            + " publish the income from car park charges for each of the last three years?"
      })
  void journalistAskingForRecordedInformation(String text) {
    assertFires(Label.FOI_REQUEST, text);
    assertFires(Label.PRESS_CONTACT, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Reporter at the Chronicle here. Could your press office comment on the latest A&E"
            + " figures? We publish at 6.",
        "Hi, I'm a producer at BBC Look North. We'd like to talk to someone about the data"
            + " released this morning, ideally an interview before 4pm.",
        "Journalist at the Star: we've obtained figures showing long ambulance waits and would"
            + " like the trust's response by noon."
      })
  void journalistAskingOnlyForAComment(String text) {
    assertDoesNotFire(Label.FOI_REQUEST, text);
    assertFires(Label.PRESS_CONTACT, text);
  }
}
