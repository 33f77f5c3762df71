package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alternations of many options (more than 64, so their option bits span several 64-bit words),
 * mixing one-word, phrase, wildcard and bracketed options: every option matches on its own and only
 * as written, and the evidence is the earliest match whichever option found it.
 */
class LongAlternationTest {
  private static final int OPTIONS = 150;

  @TempDir static Path dir;
  private static Classifier classifier;

  /** Option i as written in the rule. */
  private static String option(int i) {
    if (i % 10 == 7) {
      return "\"pq" + i + " rr" + i + "\"";
    }
    if (i % 25 == 13) {
      return "(ab" + i + " NEAR/1 cd" + i + ")";
    }
    if (i % 30 == 29) {
      return "wc" + i + "*";
    }
    return "zq" + i;
  }

  /** A comment text option i matches. */
  private static String matching(int i) {
    if (i % 10 == 7) {
      return "pq" + i + " rr" + i;
    }
    if (i % 25 == 13) {
      return "cd" + i + " ab" + i;
    }
    if (i % 30 == 29) {
      return "wc" + i + "xyz";
    }
    return "zq" + i;
  }

  @BeforeAll
  static void load() throws IOException {
    List<String> options = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < OPTIONS; i++) {
      options.add(option(i));
      others.add("yq" + i);
    }
    String any = String.join(" | ", options);
    Files.writeString(
        dir.resolve("patient_safety.rules"), "threshold = 2\n2 " + any + " unless \"zq5 zq6\"\n");
    Files.writeString(
        dir.resolve("negative.rules"),
        "threshold = 1\n1 (" + any + ") NEAR/1 (" + String.join(" | ", others) + ")\n");
    classifier = Classifier.load(dir);
  }

  private static LabelScore safety(String text) {
    return classifier.classify(text).scores().get(Label.PATIENT_SAFETY);
  }

  @Test
  void everyOptionMatchesOnItsOwn() {
    for (int i = 0; i < OPTIONS; i++) {
      LabelScore s = safety("well " + matching(i) + " then");
      assertThat(s).as("option %d", i).isNotNull();
      assertThat(s.score()).as("option %d", i).isEqualTo(2);
    }
  }

  @Test
  void aPhraseOptionNeedsItsWordsTogether() {
    assertThat(safety("pq17 and rr17")).isNull();
    assertThat(safety("rr17 pq17")).isNull();
    assertThat(safety("pq17 rr17").evidence().get(0).matched()).containsExactly("pq17 rr17");
  }

  @Test
  void aBracketedOptionNeedsBothWordsNear() {
    assertThat(safety("ab13 x y cd13")).isNull();
    assertThat(safety("ab13 x cd13").evidence().get(0).matched()).containsExactly("ab13", "cd13");
  }

  @Test
  void theEarliestMatchIsTheEvidenceWhicheverOptionFoundIt() {
    assertThat(safety("zq140 before pq7 rr7 and zq2").evidence().get(0).matched())
        .containsExactly("zq140");
    assertThat(safety("PQ77 rr77 before zq140 and zq2").evidence().get(0).matched())
        .containsExactly("PQ77 rr77");
    assertThat(safety("wc149abc zq0").evidence().get(0).matched()).containsExactly("wc149abc");
  }

  @Test
  void anExclusionCancelsOnlyTheMatchesItOverlaps() {
    assertThat(safety("zq5 zq6")).isNull();
    assertThat(safety("zq5 zq6 and zq120").evidence().get(0).matched()).containsExactly("zq120");
  }

  @Test
  void twoLongAlternationsNearEachOther() {
    Classification near = classifier.classify("zq100 and yq70");
    assertThat(near.labels()).contains(Label.NEGATIVE);
    assertThat(near.scores().get(Label.NEGATIVE).evidence().get(0).matched())
        .containsExactly("zq100", "yq70");
    assertThat(classifier.classify("yq149 pq87 rr87").scores().get(Label.NEGATIVE).score())
        .isEqualTo(1);
    assertThat(classifier.classify("zq100 a b yq70").labels()).doesNotContain(Label.NEGATIVE);
  }
}
