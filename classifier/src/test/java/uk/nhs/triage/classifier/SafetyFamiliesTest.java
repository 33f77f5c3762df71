package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertFires;
import static uk.nhs.triage.classifier.ShippedRules.assertRulesDoNotFire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The round-5 families in patient_safety.rules and safeguarding.rules: each is written for a way of
 * describing harm, so each is checked on phrasings no corpus holds, and on the near misses that
 * share its words (docs/quality.md, "Round 5 (safety)").
 */
class SafetyFamiliesTest {
  // help fetched by the family, the bell rung again and again, a blank chart, a silenced pump,
  // the wrong side, a student doing the insulin, a call back after the collapse, blood left in a
  // cubicle, left on the doorstep, a night discharge by taxi, time-critical meds late, a bed sign
  // ignored, another patient hitting, the means told to a crisis team, a fit met with "wait"
  @ParameterizedTest
  @ValueSource(
      strings = {
        "My gran's catheter came out and she was lying in a puddle of blood, I had to go and find a nurse myself.",
        "We pressed the call button four times before anyone came to Dad, who was struggling for breath.",
        "The turning chart had nothing written on it from Saturday to Monday.",
        "The pump on Mum's drip kept beeping and the night nurse just muted it.",
        "The consent form said left eye but the theatre list said right eye.",
        "There was no nurse on the bay so a student was doing the insulin. Surely that's not allowed?",
        "Grandad collapsed before the GP ever rang back.",
        "Cubicle 4 still had blood on the floor from the last patient when they wheeled my son in.",
        "The patient transport crew dropped him off and left him on the doorstep. He can't stand without help.",
        "They discharged my aunt at 2am in a taxi. She lives alone and has dementia.",
        "My husband's Parkinson's meds haven't been given on time once since he was admitted.",
        "There's a sign above his bed saying nothing by mouth and the porter gave him a cup of tea.",
        "A man from the bed opposite keeps hitting my father and the staff just shrug.",
        "I told the crisis team I've got the tablets ready and they said to call back tomorrow.",
        "Our Jack had a fit by the reception desk and they told us to wait our turn."
      })
  void patientSafetyFamiliesFire(String text) {
    assertFires(Label.PATIENT_SAFETY, text);
  }

  // a chart kept, harm denied, a question about signs, a blister pack, a sports injury,
  // violence at home (safeguarding), an operation cancelled after fasting, a joke, an alarm test
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The nurse checked Mum's turning chart every two hours and it was always filled in, thank you.",
        "Nothing broken, just bruised, after I slipped in the car park. Lovely staff in minor injuries.",
        "What are the signs of sepsis in babies? Want to know what to look out for.",
        "The pharmacist put Dad's tablets in a blister pack and he never misses a dose now.",
        "Tripped playing football at the weekend, the walk-in centre strapped my ankle in twenty minutes.",
        "Her husband broke her nose and she still won't leave him.",
        "Cancelled again after I'd been nil by mouth since 6am. Third time this year.",
        "Nearly killed myself laughing at the nurses' panto 😂",
        "The fire alarm on the ward went off twice this morning, just a test apparently."
      })
  void patientSafetyFamiliesKeepTheirNearMisses(String text) {
    assertRulesDoNotFire(Label.PATIENT_SAFETY, text);
  }

  // suicide as a time limit or a decision, a burden and the means looked up, a partner tracking
  // her, a threat to take the children, a debt to older boys, eating hidden, a paid carer's
  // neglect, staff taking money, punishment, confinement, money going missing, not coming back to
  // school, self-neglect, money taken with fear
  @ParameterizedTest
  @ValueSource(
      strings = {
        "If I'm not around by the weekend, please look after my cat.",
        "I'm going to go through with it this time.",
        "My daughter says she's a burden to the whole family and she's been reading about how many sleeping pills it takes to not wake up.",
        "Her boyfriend makes her share her location and she has to send him photos of where she is.",
        "He says if I go to a refuge he'll take the kids abroad.",
        "Some older boys have got my grandson carrying parcels for them to pay off a debt.",
        "My niece has stopped eating and is hiding it with baggy clothes, she weighs less than her little sister.",
        "The agency carer leaves her in bed in the same pad from breakfast to tea.",
        "Staff at his supported living keep making him buy their lunch.",
        "They locked him in his room as a punishment and gave him no dinner.",
        "My aunt keeps my grandmother locked in her room while she's at work.",
        "My uncle's new lodger does his shopping and there's never any change, and Uncle seems frightened of him.",
        "My friend says her sister is being sent abroad for the holidays and won't be coming back to school.",
        "His curtains have been shut for a fortnight and when I knocked the smell was awful.",
        "His partner took his bank card and spends all of it on drink, he's too scared to say anything.",
        "Mum's carer took her bank card and won't give it back."
      })
  void safeguardingFamiliesFire(String text) {
    assertFires(Label.SAFEGUARDING, text);
  }

  // a card used to shop for the writer, a remote "controlled", a parent's question, advice to
  // parents, a pharmacy question, a kicking bump, a burden denied, anger at staff, an illness that
  // was fine in the end, a ward's name
  @ParameterizedTest
  @ValueSource(
      strings = {
        "My wife took my card to the supermarket for me because I'm on crutches.",
        "my partner took my bank card to the shop",
        "My partner took my bank card.",
        "My dad is controlling the TV remote again this Christmas.",
        "What age can kids stay home on their own? My eldest is 12.",
        "If your teenager is stressed about exams, please talk to them.",
        "Where can I get the morning after pill? Is it free at the pharmacy?",
        "The bump kicked me all through the night, no sleep for me.",
        "The nurse never made me feel like a burden, not once.",
        "That receptionist needs a slap, rude to everyone.",
        "My son had a temperature and a rash for a day, it was fine in the end, just chickenpox.",
        "The elderly ward at our hospital is getting new beds."
      })
  void safeguardingFamiliesKeepTheirNearMisses(String text) {
    assertRulesDoNotFire(Label.SAFEGUARDING, text);
  }
}
