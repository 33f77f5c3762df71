package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nearest labelled comments give a label the rules missed, name the examples that did, never
 * count a comment as its own neighbour, and give way to the label's own rules.
 */
class ExampleNeighboursTest {
  @TempDir Path dir;

  private Path rules;

  @BeforeEach
  void folder() throws IOException {
    rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("patient_safety.rules"),
        "threshold = 2\n2 \"wrong dose\"\n-3 \"thank you\" | thanks\n");
    Files.writeString(rules.resolve("negative.rules"), "threshold = 2\n2 rubbish\n");
    Files.write(
        dir.resolve("examples.jsonl"),
        List.of(
            example("e1", "nan was left lying on the bathroom floor for hours after she fell", "p"),
            example(
                "e2", "dad fell out of bed and nobody came, he lay on the floor all night", "p"),
            example(
                "e3", "found my mum on the floor of the ward, no one checked her for hours", "p"),
            example("e4", "he fell again last night, third time, left on the cold floor", "p"),
            example("e5", "the car park machine ate my ticket and the barrier would not lift", "n"),
            example("e6", "parking costs a fortune and the machines never take cards", "n"),
            example("e7", "machine in the car park broken again, queue to the road", "n")));
    writeConf("labels = patient_safety\nneighbours = 3\nshare = 0.6\n");
  }

  private void writeConf(String settings) throws IOException {
    Files.writeString(
        rules.resolve("examples.conf"),
        "# test\nfiles = ../examples.jsonl\ncommon_words = 1\n" + settings);
  }

  private static String example(String id, String text, String kind) {
    String labels = kind.equals("p") ? "[\"patient_safety\"]" : "[\"negative\"]";
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\", \"labels\": " + labels + "}";
  }

  @Test
  void aCommentLikeTheLabelledOnesGetsTheLabelWithTheExamplesAsEvidence() {
    Classification got =
        Classifier.load(rules).classify("my grandad was left on the floor for ages after a fall");

    assertThat(got.labels()).containsExactly(Label.PATIENT_SAFETY);
    Evidence why = got.scores().get(Label.PATIENT_SAFETY).evidence().get(0);
    assertThat(why.ref())
        .as("its text differs comment by comment, so it has no reference")
        .isNull();
    assertThat(why.rule())
        .startsWith("examples.conf: ")
        .contains("nearest labelled comments are patient_safety")
        .containsPattern("e[1-4]");
    assertThat(why.matched()).contains("floor");
  }

  @Test
  void aCommentLikeOtherLabelsOrLikeNothingGetsNothing() {
    Classifier classifier = Classifier.load(rules);

    assertThat(classifier.classify("the car park ticket machine is broken").labels()).isEmpty();
    assertThat(classifier.classify("lovely sunny day for the fun run").labels()).isEmpty();
  }

  @Test
  void onlyTheListedLabelsAreSuggested() throws IOException {
    writeConf("labels = patient_safety\nneighbours = 3\nshare = 0.6\n");
    Classification got =
        Classifier.load(rules).classify("car park ticket machine broken, barrier would not lift");

    assertThat(got.labels()).doesNotContain(Label.NEGATIVE);
  }

  @Test
  void aCommentIsNeverItsOwnNeighbour() throws IOException {
    Files.write(
        dir.resolve("examples.jsonl"),
        List.of(
            example("only", "the night staff left him lying on the floor", "p"),
            example("n1", "the staff car park floor is flooded again", "n"),
            example("n2", "night parking for staff is a joke", "n")),
        java.nio.charset.StandardCharsets.UTF_8);
    writeConf("labels = patient_safety\nneighbours = 1\nshare = 0.6\n");

    assertThat(
            Classifier.load(rules)
                .classify("the night staff left him lying on the floor")
                .has(Label.PATIENT_SAFETY))
        .isFalse();
  }

  @Test
  void theLabelsOwnRulesWinWhenTheyWeighAgainstIt() {
    Classification got =
        Classifier.load(rules)
            .classify("thank you to the ward, my nan was left on the floor after a fall once");

    assertThat(got.labels()).doesNotContain(Label.PATIENT_SAFETY);
  }

  @Test
  void aNegativeLineBalancedByAPositiveOneLeavesTheExamplesTheirSay() throws IOException {
    String comment = "my grandad was left on the floor for ages after a fall in the garden";
    Files.writeString(rules.resolve("patient_safety.rules"), "threshold = 2\n-2 garden\n");
    assertThat(Classifier.load(rules).classify(comment).labels())
        .doesNotContain(Label.PATIENT_SAFETY);

    Files.writeString(
        rules.resolve("patient_safety.rules"), "threshold = 2\n-2 garden\n2 garden & grandad\n");
    assertThat(Classifier.load(rules).classify(comment).labels()).contains(Label.PATIENT_SAFETY);
  }

  @Test
  void whereTheLabelsRulesFoundNothingTheNeighboursNeedTheLargerShare() throws IOException {
    String comment = "my grandad was left on the floor of the car park for ages after a fall";
    writeConf("labels = patient_safety\nneighbours = 7\nshare = 0.5\n");
    assertThat(Classifier.load(rules).classify(comment).labels())
        .as("a bare majority is enough when share_unmatched is not set")
        .contains(Label.PATIENT_SAFETY);

    writeConf("labels = patient_safety\nneighbours = 7\nshare = 0.5\nshare_unmatched = 0.99\n");
    assertThat(Classifier.load(rules).classify(comment).labels())
        .as("no patient_safety line matched, so the neighbours need 0.99")
        .doesNotContain(Label.PATIENT_SAFETY);

    Files.writeString(rules.resolve("patient_safety.rules"), "threshold = 2\n1 grandad\n");
    Classification got = Classifier.load(rules).classify(comment);
    assertThat(got.labels())
        .as("a line that matched, short of the threshold, leaves the usual share")
        .contains(Label.PATIENT_SAFETY);
    assertThat(got.scores().get(Label.PATIENT_SAFETY).evidence())
        .anySatisfy(e -> assertThat(e.rule()).contains("needs 0.50"));
  }

  @Test
  void aLabelTheRulesAlreadyGaveKeepsItsRuleEvidenceOnly() {
    Classification got =
        Classifier.load(rules).classify("wrong dose given, then she was left on the floor");

    assertThat(got.scores().get(Label.PATIENT_SAFETY).evidence())
        .extracting(Evidence::ref)
        .containsExactly("patient_safety.rules:2");
  }

  @Test
  void changingAnExampleChangesTheRulesVersion() throws IOException {
    String before = Classifier.load(rules).rulesVersion();
    Files.writeString(
        dir.resolve("examples.jsonl"),
        example("e8", "fell and left on the floor", "p") + "\n",
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(Classifier.load(rules).rulesVersion()).isNotEqualTo(before).hasSize(12);
  }

  @Test
  void badSettingsAndBadExamplesAreRefusedWithFileAndLine() throws IOException {
    writeConf("labels = patient_safety, kindness\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("examples.conf:4: ")
        .hasMessageContaining("unknown label 'kindness'");

    writeConf("labels = patient_safety\nnearest = 3\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageStartingWith("examples.conf:5: ")
        .hasMessageContaining("unknown setting 'nearest'");

    writeConf("labels = patient_safety\nshare = 0.6\nshare_unmatched = 0.5\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageStartingWith("examples.conf:6: ")
        .hasMessageContaining("share_unmatched must be at least share");

    writeConf("labels = patient_safety\n");
    Files.writeString(
        dir.resolve("examples.jsonl"),
        example("e1", "left on the floor", "p") + "\n{\"id\": \"e2\", \"text\": 7}\n");
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageStartingWith("examples.jsonl:2: ")
        .hasMessageContaining("needs \"text\" and \"labels\"");

    Files.delete(dir.resolve("examples.jsonl"));
    assertThatThrownBy(() -> Classifier.load(rules))
        .hasMessageContaining("examples.jsonl")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void theNearestAreThoseOfAPlainBm25OverEveryExampleInTheOrderFirstScored() throws IOException {
    // few words, many repeated and many equal texts: ties in score, also at the tenth place
    String[] vocabulary = {
      "floor", "ward", "nurse", "fell", "night", "dose", "bed", "pain", "parking", "ticket",
      "machine", "barrier", "queue", "doctor", "letter", "phone", "mum", "dad", "cold", "blood",
      "tablets", "wheelchair", "toilet", "bruise", "ambulance", "cancelled", "appointment", "scan"
    };
    Random random = new Random(20261207);
    List<String> texts = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String text =
          !texts.isEmpty() && random.nextInt(4) == 0
              ? texts.get(random.nextInt(texts.size()))
              : words(vocabulary, 2 + random.nextInt(8), random);
      texts.add(text);
      lines.add(example("x" + i, text, random.nextInt(3) == 0 ? "p" : "n"));
    }
    Files.write(dir.resolve("examples.jsonl"), lines);
    Files.writeString(
        rules.resolve("examples.conf"),
        "files = ../examples.jsonl\nlabels = patient_safety\nneighbours = 10\nshare = 0.5\n"
            + "common_words = 0.3\nmin_words = 3\n");
    RuleLoader.Loaded loaded = RuleLoader.load(rules);
    PlainBm25 plain = new PlainBm25(loaded.analyzer(), texts, 0.3, 10, 3);
    CommentTokens tokens = new CommentTokens(loaded.dictionary().size());

    int compared = 0;
    for (int c = 0; c < 3000; c++) {
      String comment =
          random.nextInt(10) == 0
              ? texts.get(random.nextInt(texts.size()))
              : words(vocabulary, 1 + random.nextInt(20), random);
      tokens.analyse(loaded.analyzer(), loaded.dictionary(), loaded.examples(), comment);
      List<String> expected = plain.nearest(comment);
      compared += expected.isEmpty() ? 0 : 1;

      assertThat(loaded.examples().neighbours(tokens))
          .as(comment)
          .extracting(n -> n.id() + "=" + Float.floatToIntBits(n.score()))
          .containsExactlyElementsOf(expected);
    }
    assertThat(compared).as("comments with neighbours").isGreaterThan(2000);
    assertThat(plain.tiesAtTheLastPlace)
        .as("comments tied at the last kept place")
        .isGreaterThan(100);
    assertThat(plain.ownTextsSkipped).as("comments whose own text was skipped").isGreaterThan(100);
  }

  private static String words(String[] vocabulary, int count, Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return text.toString();
  }

  /**
   * BM25 the slow, plain way (Lucene's formula, k1 1.2, b 0.75): every example scored with float
   * sums in the comment's word order, then the examples taken in the order they were first scored
   * (first word held, then example index) into the best {@code neighbours + 1}, where one that ties
   * with the last kept is not taken and kept ties go to the lower index; then the comment's own
   * text is dropped. Each neighbour as "id=float bits".
   */
  private static final class PlainBm25 {
    final Analyzer analyzer;
    final List<String> texts;
    final List<Map<String, Integer>> counts = new ArrayList<>();
    final Map<String, Integer> docFrequency = new HashMap<>();
    final float[] lengthNorm;
    final int common;
    final int neighbours;
    final int minWords;
    int tiesAtTheLastPlace;
    int ownTextsSkipped;

    PlainBm25(Analyzer analyzer, List<String> texts, double commonWords, int neighbours, int min) {
      this.analyzer = analyzer;
      this.texts = texts;
      this.neighbours = neighbours;
      this.minWords = min;
      int n = texts.size();
      long total = 0;
      int[] length = new int[n];
      for (int d = 0; d < n; d++) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String w : analyse(texts.get(d))) {
          count.merge(w, 1, Integer::sum);
          length[d]++;
        }
        count.keySet().forEach(w -> docFrequency.merge(w, 1, Integer::sum));
        counts.add(count);
        total += length[d];
      }
      double average = Math.max(1, (double) total / n);
      lengthNorm = new float[n];
      for (int d = 0; d < n; d++) {
        lengthNorm[d] = (float) (1.2 * (1 - 0.75 + 0.75 * length[d] / average));
      }
      common = Math.max(1, (int) (n * commonWords));
    }

    List<String> analyse(String text) {
      List<String> out = new ArrayList<>();
      try (TokenStream stream = analyzer.tokenStream("text", text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          out.add(term.toString());
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    List<String> nearest(String comment) {
      Set<String> query = new LinkedHashSet<>();
      for (String w : analyse(comment)) {
        if (docFrequency.getOrDefault(w, Integer.MAX_VALUE) <= common) {
          query.add(w);
        }
      }
      if (query.size() < minWords) {
        return List.of();
      }
      int n = texts.size();
      List<int[]> firstScored = new ArrayList<>(); // {word place, example}
      float[] score = new float[n];
      for (int d = 0; d < n; d++) {
        int place = 0;
        int first = -1;
        for (String w : query) {
          Integer f = counts.get(d).get(w);
          if (f != null) {
            int df = docFrequency.get(w);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            score[d] += (float) (idf * f * (1.2 + 1) / (f + lengthNorm[d]));
            first = first < 0 ? place : first;
          }
          place++;
        }
        if (first >= 0) {
          firstScored.add(new int[] {first, d});
        }
      }
      firstScored.sort((a, b) -> a[0] != b[0] ? a[0] - b[0] : a[1] - b[1]);
      List<Integer> kept = new ArrayList<>();
      boolean tie = false;
      for (int[] at : firstScored) {
        int d = at[1];
        float s = score[d];
        if (kept.size() == neighbours + 1 && s <= score[kept.get(neighbours)]) {
          tie |= s == score[kept.get(neighbours)];
          continue;
        }
        int place = 0;
        while (place < kept.size()
            && (score[kept.get(place)] > s
                || (score[kept.get(place)] == s && kept.get(place) < d))) {
          place++;
        }
        kept.add(place, d);
        if (kept.size() > neighbours + 1) {
          kept.remove(neighbours + 1);
        }
      }
      tiesAtTheLastPlace += tie ? 1 : 0;
      List<String> out = new ArrayList<>();
      for (int d : kept) {
        if (texts.get(d).strip().equals(comment.strip())) {
          ownTextsSkipped += out.size() < neighbours ? 1 : 0;
        } else if (out.size() < neighbours) {
          out.add("x" + d + "=" + Float.floatToIntBits(score[d]));
        }
      }
      return out;
    }
  }
}
