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
 * A masked word is read as the word it hides, into the words of the labels {@code typos.conf} lists
 * under {@code masked} only; anything that does not fit one, or that a rule writes masked itself,
 * is left as written.
 */
class MaskedWordsTest {
  @TempDir Path dir;

  private static String read(MaskedWords words, String word) {
    char[] read = words.read(word.toCharArray(), word.length());
    return read == null ? null : new String(read);
  }

  @Test
  void masksAndLookAlikeDigitsAreReadIntoTheListedWordsFirstFitFirst() {
    MaskedWords words =
        MaskedWords.of(
            List.of("threshold = 2", "2 twat* | arsehole* | prat | kill | myself", "2 that"),
            List.of());
    assertThat(read(words, "t*at")).isEqualTo("twat");
    assertThat(read(words, "tw@ts")).isNull(); // '@' reaches the reader only as a mask
    assertThat(read(words, "a***holes")).isEqualTo("arseholes");
    assertThat(read(words, "pr*t")).isEqualTo("prat");
    assertThat(read(words, "k1ll")).isEqualTo("kill");
    assertThat(read(words, "mys3lf")).isEqualTo("myself");
    // "that" is in the file after twat: the first fit is taken
    assertThat(read(words, "th*t")).isEqualTo("that");
    // settings are not words, and neither is "threshold" read into
    assertThat(read(words, "thr*shold")).isNull();
  }

  @Test
  void shortWordsWordsOfMasksAndWordsThatFitNothingAreLeftAlone() {
    MaskedWords words = MaskedWords.of(List.of("2 arse | ass* | kill*"), List.of());
    assertThat(read(words, "a*s")).isNull(); // three characters: an A* grade
    assertThat(read(words, "k***")).isNull(); // one letter
    assertThat(read(words, "*ill")).isNull(); // no first letter
    assertThat(read(words, "covid19")).isNull(); // 9 looks like no letter
    assertThat(read(words, "k*ll*ng")).isNull(); // a mask left after the prefix
    assertThat(read(words, "w*rd")).isNull(); // fits no listed word
    assertThat(read(words, "killing")).isNull(); // not masked
  }

  @Test
  void aMaskedSpellingARuleWritesItselfIsLeftAsWritten() {
    MaskedWords words =
        MaskedWords.of(List.of("2 cock | cockhead*"), List.of("2 c*ck* | tw*t", "2 sh1t*"));
    assertThat(read(words, "c*ck")).isNull();
    assertThat(read(words, "sh1t")).isNull();
    assertThat(read(words, "c*ckhead")).isEqualTo("cockhead");
  }

  @Test
  void theShippedRulesReadMaskedSwearingAndMaskedSuicideTalk() {
    assertFires(Label.OFFENSIVE, "Chief exec should be sacked. Useless t*at.");
    assertFires(Label.OFFENSIVE, "a$$holes the lot of ya");
    assertFires(Label.OFFENSIVE, "the replies are full of a***holes defending it");
    assertFires(Label.OFFENSIVE, "Still waiting for that callback, useless pr*ts");
    assertFires(Label.OFFENSIVE, "tell your sh!tty contractors to move their vans");
    assertFires(Label.SAFEGUARDING, "gonna unal*ve myself tonight");
    assertFires(Label.SAFEGUARDING, "i want to k1ll mys3lf");
    // a rule's own masked prefix is not widened: c*ck* does not become cock*
    assertDoesNotFire(Label.OFFENSIVE, "Cocktail night raised £1,240 for the hospice");
    // "!" and "@" that make no listed word still split: email addresses, missing spaces
    assertDoesNotFire(Label.OFFENSIVE, "Email me at john.twat@nhs.net about the clinic");
    assertFires(Label.POSITIVE, "great!thanks so much to the nurses");
    assertDoesNotFire(Label.OFFENSIVE, "She got A*s in her exams, thanks to the tutors");
  }

  @Test
  void withoutMaskedLabelsInTyposConfNothingIsRead() throws IOException {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.createDirectory(rules.resolve("lexicon"));
    Files.write(rules.resolve("lexicon").resolve("words.txt"), List.of("useless"));
    Files.writeString(rules.resolve("offensive.rules"), "threshold = 2\n2 twat*\n");
    String typos = "lexicon = lexicon/words.txt\nmin_length = 5\n";
    Files.writeString(rules.resolve("typos.conf"), typos);
    assertThat(Classifier.load(rules).classify("useless t*at").labels())
        .doesNotContain(Label.OFFENSIVE);
    Files.writeString(rules.resolve("typos.conf"), typos + "masked = offensive\n");
    assertThat(Classifier.load(rules).classify("useless t*at").labels()).contains(Label.OFFENSIVE);
  }
}
