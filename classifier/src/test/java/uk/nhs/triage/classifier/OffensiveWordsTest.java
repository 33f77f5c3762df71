package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ShippedRules.assertDoesNotFire;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;

import org.junit.jupiter.api.Test;

/**
 * Wishing death or harm on someone is abuse; wishing them well is not ({@code offensive.rules}).
 */
class OffensiveWordsTest {
  @Test
  void wishesOfDeathOrHarmAreOffensiveInTheShortFormsPeopleType() {
    assertFires(Label.OFFENSIVE, "kys nobody wants you here");
    assertFires(Label.OFFENSIVE, "neck yourself mate");
    assertFires(Label.OFFENSIVE, "i hope your family gets cancer");
    assertFires(Label.OFFENSIVE, "hope you get what's coming to you");
  }

  @Test
  void goodWishesAndTheIdiomAreNot() {
    assertDoesNotFire(Label.OFFENSIVE, "I hope you get better soon");
    assertDoesNotFire(
        Label.OFFENSIVE, "hope you get your results soon Maureen, it took me a while");
    assertDoesNotFire(Label.OFFENSIVE, "hope you don't suffer like my dad did");
    assertDoesNotFire(Label.OFFENSIVE, "don't kill yourself over the paperwork, it can wait");
  }

  @Test
  void insultsThrownAtSomeoneAreOffensiveTheSameWordsUsedPlainlyAreNot() {
    assertFires(Label.OFFENSIVE, "@dave_k you absolute cockwomble, nobody asked you");
    assertFires(Label.OFFENSIVE, "the chief exec is a useless tosspot");
    assertFires(Label.OFFENSIVE, "sit down you clot");
    assertFires(Label.OFFENSIVE, "what a dipstick");
    assertDoesNotFire(Label.OFFENSIVE, "he has a blood clot in his leg");
    assertDoesNotFire(Label.OFFENSIVE, "the dipstick on the ambulance said low oil");
    assertDoesNotFire(Label.OFFENSIVE, "thank you Karen for the lovely care");
    assertDoesNotFire(Label.OFFENSIVE, "Don't be fooled by the new app");
  }
}
