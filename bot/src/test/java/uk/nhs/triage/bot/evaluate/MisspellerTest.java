package uk.nhs.triage.bot.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MisspellerTest {
  private static final String TEXT =
      "The nurses on the stroke ward were brilliant but the discharge letter never arrived at "
          + "our surgery, so nobody knew about the medication changes. Thanks @StrokeTeam!";

  @Test
  void theSameSeedGivesTheSameTyposAndEveryTypoIsOneSlipInALongWord() {
    String once = new Misspeller(0.5, 7).misspell(TEXT);
    assertThat(new Misspeller(0.5, 7).misspell(TEXT)).isEqualTo(once);
    assertThat(once).isNotEqualTo(TEXT);
    String[] before = TEXT.split(" ");
    String[] after = once.split(" ");
    assertThat(after).hasSameSizeAs(before);
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i])) {
        changed++;
        String word = before[i].replaceAll("[^A-Za-z]", "");
        assertThat(word.length()).as(before[i]).isGreaterThanOrEqualTo(5);
        assertThat(after[i].charAt(0)).isEqualTo(before[i].charAt(0));
        assertThat(after[i].charAt(after[i].length() - 1))
            .isEqualTo(before[i].charAt(before[i].length() - 1));
        assertThat(Math.abs(after[i].length() - before[i].length())).isLessThanOrEqualTo(1);
      }
    }
    long longWords = Arrays.stream(before).filter(w -> w.matches("\\W*[A-Za-z]{5,}\\W*")).count();
    assertThat(changed).isBetween(1, (int) longWords);
  }

  @Test
  void rateZeroChangesNothingAndRateOneEveryLongWord() {
    assertThat(new Misspeller(0, 1).misspell(TEXT)).isEqualTo(TEXT);
    String all = new Misspeller(1, 1).misspell("brilliant nurses on ward");
    assertThat(all.split(" ")[0]).isNotEqualTo("brilliant");
    assertThat(all.split(" ")[1]).isNotEqualTo("nurses");
    assertThat(all).endsWith(" on ward");
  }

  @Test
  void aRateOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new Misspeller(1.5, 1)).hasMessageContaining("between 0 and 1");
  }
}
