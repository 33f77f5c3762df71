package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Remembering words between comments never changes what a comment is classified as. */
class WordMemoTest {
  private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void commentClassifiesTheSameAfterTheMemoHasStartedAfresh() {
    Classifier classifier = Classifier.load(ShippedRules.DIR);
    String comment =
        "Dad has not been offered a drink since Tuesday, disgraceful. Thank you to the nurses"
            + " though, couldn't fault them. NHS number 943 476 5919";
    Classification first = classifier.classify(comment, AuthorHistory.NONE, AT);

    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 3 * WordMemo.CAPACITY; i++) {
      words.append("zq").append(Integer.toString(i, 26).replace('0', 'x')).append(' ');
      if (i % 500 == 499) {
        classifier.classify(words.toString(), AuthorHistory.NONE, AT);
        words.setLength(0);
      }
    }
    Classification again = classifier.classify(comment, AuthorHistory.NONE, AT);

    assertThat(again).isEqualTo(first);
    assertThat(again.labels()).contains(Label.PATIENT_SAFETY, Label.PERSONAL_DATA);
  }

  @Test
  void memoFindsWhatItWasGivenAndForgetsWhenFull() {
    WordMemo memo = new WordMemo();
    char[] ward = "wards".toCharArray();
    int slot = memo.add(ward, 5, WordMemo.hash(ward, 5), "ward".toCharArray(), null);

    assertThat(memo.find(ward, 5, WordMemo.hash(ward, 5))).isEqualTo(slot);
    assertThat(new String(memo.normalised(slot))).isEqualTo("ward");
    assertThat(memo.find(ward, 4, WordMemo.hash(ward, 4))).isEqualTo(-1);

    int generation = memo.generation();
    for (int i = 0; i < WordMemo.CAPACITY; i++) {
      char[] w = ("w" + i).toCharArray();
      memo.add(w, w.length, WordMemo.hash(w, w.length), w, null);
    }
    assertThat(memo.generation()).isEqualTo(generation + 1);
    assertThat(memo.find(ward, 5, WordMemo.hash(ward, 5))).isEqualTo(-1);
  }
}
