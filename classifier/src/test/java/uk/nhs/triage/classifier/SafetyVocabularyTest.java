package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The round-6 families in patient_safety.rules and safeguarding.rules (docs/quality.md, "Round 6
 * (safety vocabulary)"): plain ways of telling harm that no earlier rule met. Each text is new
 * wording, not taken from a corpus; each near miss shares a family's words and must stay quiet.
 */
class SafetyVocabularyTest {
  // someone else's pills, X instead of Y, an adult dose for a child, insulin forgotten, a pump
  // nobody knew, a fall while a falls risk was left alone, a fall with an injury on a ward, a
  // pressure sore in plain words, the bed instead of the toilet, an empty jug, sent home unable to
  // manage, back in resus, born in the car after being sent home, disbelief then a blue baby, a
  // late diagnosis, a death told indirectly, a febrile newborn told to wait, an allergy told and
  // ignored, a lost biopsy, a missing patient nobody noticed, pain under a failed epidural, a
  // crisis
  // line offering a bath, told to wipe himself, staff asleep through alarms, an unanswered crisis
  // line, oxygen left off; maggots in a wound, moved ward after ward, dropped from a trolley, tied
  // to a chair, a fit in a waiting room, a DNR nobody agreed, adult medicine for a child, delayed
  // treatment while a tumour grows
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The nurse handed my dad a pot of pills meant for the lady in the next bed.",
        "The chemist gave me 20mg instead of 2mg and I only noticed at home.",
        "Out of hours prescribed my toddler an adult dose of amoxicillin.",
        "They keep forgetting Gran's insulin on the evening round.",
        "The agency nurse didn't know how to set the feed pump and it ran far too fast.",
        "Dad was left alone on the ward even though he's a falls risk and he went over in the bathroom.",
        "Mum fell on the ward and cracked her hip and staff only found her at handover.",
        "Grandma came home from the nursing home with a sore on her bottom you could put your fist in.",
        "Nan had to go in the bed because nobody would help her to the toilet.",
        "His water jug sat empty all afternoon on the ward.",
        "Discharged two days after her bowel op when she still couldn't get to the toilet on her own.",
        "They sent him home on Monday and he was back in resus by Wednesday.",
        "Twice the midwife said I wasn't in labour and sent me home, our son was born in the car.",
        "Nobody believed her when she said she was pushing and the baby came out blue.",
        "Her cancer was only diagnosed too late because the GP kept saying it was piles.",
        "We lost Dad three days after they sent him home saying it was a chest infection.",
        "My 2 week old had a high temperature and 111 told us to give calpol and see the GP on Monday.",
        "The hospital gave my son a yoghurt even though we told them about his milk allergy.",
        "They lost my biopsy and nobody could tell me where it went.",
        "Nobody noticed Grandad had gone until the police rang us from the bus station.",
        "Mum's epidural wore off halfway through the section and they carried on while she screamed.",
        "I told the crisis line I had the pills in front of me and they told me to have a bath.",
        "The nurse told my dad to wipe himself when he can't use his arms since the stroke.",
        "The night staff were asleep in the office while the monitors were bleeping.",
        "Nobody is answering the crisis line and I'm stood on the bridge.",
        "They took her oxygen off for the scan and forgot to put it back on.",
        "Grandad's wound had maggots in it when we finally got him seen.",
        "They moved Mum to three different wards overnight and her dementia is so much worse.",
        "The porter tipped my dad off the trolley onto the floor.",
        "Found Nan tied to her chair with a sheet on the ward.",
        "My son had a seizure in the waiting room for 15 minutes before anyone came.",
        "Dad has a DNR on his notes that none of us agreed to.",
        "The chemist gave my daughter adult ibuprofen instead of the children's one.",
        "His radiotherapy was postponed twice and the tumour is growing.",
        "A man in the next bay was on the floor calling out and there was no nurse on the ward."
      })
  void patientSafetyVocabularyFires(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  // tablets on time, a repeat prescription question, a bump at home, a death with kind care, a
  // good discharge, a phone that died, politics, an FOI count of falls, sirens, a joke about
  // fainting
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The nurses kept Dad safe and his tablets were always on time, thank you.",
        "Does the pharmacy do repeat prescriptions for inhalers on Saturdays?",
        "Tripped over the cat at home, just a bruise, no harm done.",
        "Lost my dad last year and the staff on the ward were wonderful to us.",
        "Came home from hospital with a smile and a leaflet on how to look after my new hip.",
        "My phone died halfway through the video call with the GP, can I rebook?",
        "Great talk in parliament today about unsafe staffing, worth watching.",
        "How many patients fell on your wards last year? Please treat this as an FOI request.",
        "The ambulance sirens outside all night keep waking the baby, lol.",
        "Nearly fainted at my blood donation today 😂 the nurse was lovely",
        "Why is the lift to outpatients always broken?",
        "My son jumped off the trampoline and broke his wrist, A&E were brilliant.",
        "Our baby was stillborn last year and the bereavement midwife was the kindest person.",
        "Found out late last night that my appointment was cancelled, annoying.",
        "I was discharged and told I'm not fit to drive for 6 weeks.",
        "Discharged today, back in next week for a check up.",
        "My son works as a nurse on an adult ward.",
        "They've taken her off oxygen today and she's doing so well.",
        "Rang the surgery 3 times about my pills, no answer.",
        "I could have lost my job over this appointment mess.",
        "The surgery phone line wasn't working and I was in so much pain with my tooth.",
        "I didn't notice my wallet was missing until I got home from A&E.",
        "Can adults take children's paracetamol?",
        "My baby feeds too fast and is sick after, any tips?",
        "Had to queue for the toilet for ages at outpatients."
      })
  void patientSafetyVocabularyKeepsItsNearMisses(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  // a girl taken abroad to marry, radicalisation, walking in on a child in the shower, a plan with
  // a
  // date, the means in hand, found on a railway bridge, a child dating an adult, forced into a van,
  // mate crime, nothing to live for, a parent drinking with small children, a stranger on a game
  // asking a child's school, an old man's savings cleared, passports held at work, a person with
  // dementia missing, coaching a lie about a fall, a small child outside at night, goodbye messages
  // then silence, a stranger filming children
  @ParameterizedTest
  @ValueSource(
      strings = {
        "My cousin is only 15 and her parents are taking her to Bangladesh to get married.",
        "My nephew has been radicalised by videos online and talks about attacking people.",
        "Her stepdad keeps walking in on her when she's in the shower, she's 12.",
        "I've picked a date and I'm going to do it this weekend.",
        "I've got the tablets in my hand right now.",
        "Police found my brother standing on the railway bridge last night.",
        "She's 14 and dating a 22 year old who picks her up from school.",
        "I saw a lad get shoved into the back of a van outside the station.",
        "My sister has Down's syndrome and her so-called friends keep taking her money.",
        "There's no reason to keep going any more.",
        "Mum's drinking from breakfast and my little sisters are 4 and 6.",
        "A man on Roblox keeps messaging my 11 year old asking which school she goes to.",
        "My grandad is 91, his new 'friend' has cleared out his savings and he's frightened of her.",
        "The boss keeps their passports and they work 80 hours a week.",
        "My dad has dementia and went missing from home last night.",
        "He told her in front of me, you'll say you fell, won't you.",
        "A little boy, maybe 5, was out on the road at 2am in his pants crying for his mum.",
        "My friend sent me goodbye messages and now her phone is off.",
        "A man was filming the kids in the play park on his phone."
      })
  void safeguardingVocabularyFires(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  // a happy wedding abroad, extreme weather, an independent 89-year-old, a toddler's bump, the
  // rain, a passport as ID, a fall off a bike, photos at a nativity
  @ParameterizedTest
  @ValueSource(
      strings = {
        "We're getting married in India next summer and can't wait!",
        "Extreme weather warning for the weekend, check on elderly neighbours.",
        "My mum is 89 and sharp as a tack, still does her own shopping.",
        "Toddler fell off the settee and bumped his head, he's fine, just a bruise.",
        "I just want this rain to stop, this weather is awful.",
        "Can I bring my passport as ID to the blood test clinic?",
        "My son fell off his bike and grazed his knee, he's fine.",
        "Took loads of photos of my kids at the school nativity, so proud.",
        "My tablets are ready to collect at the pharmacy, can my husband pick them up?",
        "Have you got a date for my op? They said they'd do it tomorrow if a bed frees up.",
        "Park in the far right corner of the car park for outpatients.",
        "My 14 year old has been seeing the GP for 18 months about her asthma.",
        "Took my 13 year old to A&E, the man on reception told us to wait in the car.",
        "Can I bring my passport as ID? The hospital kept asking for it.",
        "I work 40 hours a week for the NHS and I'm not paid enough.",
        "Can I message the practice online with pics of my son's rash?",
        "The BBC were filming the children's ward for a documentary.",
        "Our leaving do goodbye messages for Sister Jones are in the staff room."
      })
  void safeguardingVocabularyKeepsItsNearMisses(String text) {
    assertRulesDoNotFire(Label.SAFEGUARDING, text);
  }
}
