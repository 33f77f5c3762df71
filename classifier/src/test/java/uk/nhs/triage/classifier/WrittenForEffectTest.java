package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.classifier.ShippedRules.assertDoesNotFire;
import static uk.nhs.triage.classifier.ShippedRules.assertFires;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words stretched for effect ("rudeeee", "shiiiite") and hashtags of one word ("#shambles") are
 * read as the word, by the typo corrector ({@code typos.conf}), when that word is known.
 */
class WrittenForEffectTest {
  @TempDir Path dir;

  @Test
  void stretchedWordsAreReadAsTheKnownWordTwoLettersBeforeOne() throws IOException {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.createDirectory(rules.resolve("lexicon"));
    Files.write(rules.resolve("lexicon").resolve("words.txt"), List.of("good", "god", "rude"));
    Files.writeString(rules.resolve("positive.rules"), "threshold = 1\n1 good\n");
    Files.writeString(rules.resolve("negative.rules"), "threshold = 1\n1 rude\n1 god\n");
    Files.writeString(rules.resolve("typos.conf"), "lexicon = lexicon/words.txt\nmin_length = 5\n");
    Classifier c = Classifier.load(rules);
    // "goooood": cut to two letters first, so "good", not "god"
    assertThat(c.classify("goooood").labels()).containsExactly(Label.POSITIVE);
    assertThat(c.classify("so rudeeeee").labels()).containsExactly(Label.NEGATIVE);
    // a doubled letter is not stretched, but "rudee" is one edit from "rude" and corrected so
    assertThat(c.classify("rudee").labels()).containsExactly(Label.NEGATIVE);
    // a stretched word that is no known word cut down is left alone
    assertThat(c.classify("zzzzzz").labels()).isEmpty();
  }

  @Test
  void theShippedRulesReadStretchedWordsAndOneWordHashtags() {
    assertFires(Label.NEGATIVE, "the nurse was soooo rudeeeee to my mum");
    assertFires(Label.OFFENSIVE, "absolutely shiiiite service");
    assertFires(Label.POSITIVE, "amaaaazing staff at the walk in");
    assertFires(Label.NEGATIVE, "A&E tonight #shambles");
    assertFires(Label.NEGATIVE, "what a #joke");
    assertFires(Label.POSITIVE, "#thankyou to the midwives");
    // a hashtag whose word is unknown stays a hashtag
    assertDoesNotFire(Label.NEGATIVE, "#NHSWinter plans out today #haveyoursay");
  }
}
