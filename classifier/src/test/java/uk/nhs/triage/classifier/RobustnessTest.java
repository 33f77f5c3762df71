package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Huge, broken and odd input classifies without exception; results do not depend on threads. */
class RobustnessTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;

  @Test
  void tenMegabyteCommentClassifies() {
    String sentence = "Mum was not offered a drink for two days on the ward, disgraceful. ";
    StringBuilder b = new StringBuilder(10 * 1024 * 1024 + sentence.length());
    while (b.length() < 10 * 1024 * 1024) {
      b.append(sentence);
    }

    Classification c = CLASSIFIER.classify(b.toString());

    assertThat(c.labels()).contains(Label.PATIENT_SAFETY, Label.NEGATIVE);
  }

  @Test
  void tenMegabytesWithoutSpacesClassifies() {
    String text = "a@".repeat(5 * 1024 * 1024);

    assertThat(CLASSIFIER.classify(text).labels()).isEmpty();
  }

  @Test
  void tenMegabytesOfWordsNobodyKnowsClassifies() {
    // every word unknown and distinct: the typo corrector searches a budget of them, not all
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    StringBuilder b = new StringBuilder(10 * 1024 * 1024 + 16);
    while (b.length() < 10 * 1024 * 1024) {
      for (int i = 0; i < 8; i++) {
        b.append((char) ('a' + random.nextInt(26)));
      }
      b.append(' ');
    }
    b.append("Mum was not offered a drink for two days on the ward");

    assertThat(CLASSIFIER.classify(b.toString()).labels()).contains(Label.PATIENT_SAFETY);
  }

  @Test
  void oddUnicodeClassifiesWithoutException() {
    List<String> odd =
        List.of(
            "\uD83D lone high surrogate and lone low \uDE00 here",
            "\uDE00\uD83D",
            "مرحبا \u202Eno food for days\u202C on the ward",
            "Z\u0351\u0352\u0353a\u0300\u0301\u0302l\u0303g\u0304o rude",
            "control \u0000\u0001\u0007\u001B\u007F chars",
            "\uFEFF\u200B\u200D zero width",
            "",
            " ",
            "***** #### @@@@ ‿⁀︳",
            "f*",
            "👨‍👩‍👧‍👦🏳️‍🌈🇬🇧",
            "𝔣𝔲𝔠𝔨 ｆｕｃｋ");
    for (String text : odd) {
      Classification c = CLASSIFIER.classify(text);
      assertThat(c.rulesVersion()).isEqualTo(CLASSIFIER.rulesVersion());
    }
    assertThat(CLASSIFIER.classify(null).scores()).isEmpty();
  }

  @Test
  void classifyingFromSeveralThreadsGivesTheSameResults() throws Exception {
    List<String> comments =
        List.of(
            "My father has not been offered a drink for 2 days",
            "Thank you to the nurses on ward 7 🙏",
            "FOI request: how much did you spend on agency staff?",
            "I'm a reporter at the Echo, can your press office comment?",
            "NHS number 943 476 5919",
            "wtf is this sh1t");
    Instant at = Instant.parse("2026-03-10T12:00:00Z");
    List<Classification> expected = new ArrayList<>();
    for (String c : comments) {
      expected.add(CLASSIFIER.classify(c, AuthorHistory.NONE, at));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < comments.size(); i++) {
                      if (!CLASSIFIER
                          .classify(comments.get(i), AuthorHistory.NONE, at)
                          .equals(expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
