package uk.nhs.triage.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The nearest labelled comments: a second signal beside the rules, for the labels where a miss
 * costs most ({@code examples.conf}).
 *
 * <p>The labelled comments (the evaluation corpora's JSON lines) are analysed once, through the
 * rules' own Lucene analysis chain, into postings: for each word, the examples holding it. A
 * comment's words are looked up there and each example holding them is scored by BM25 (Lucene's
 * default similarity: k1 1.2, b 0.75), in one pass over those postings; words held by more than
 * {@code common_words} of the examples are left out, as they tell examples apart too little. The
 * {@code neighbours} best examples vote for their labels with their score, and a label whose share
 * of the votes reaches {@code share} is suggested, with the examples that voted as its evidence. A
 * comment never counts as its own neighbour (an example with exactly its text is skipped), so
 * evaluating a corpus that is also an example set measures each comment against the others.
 */
final class ExampleNeighbours {
  static final String FILE = "examples.conf";
  private static final String FIELD = "text";
  private static final int MAX_QUERY_WORDS = 256;
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final Analyzer analyzer;
  private final Map<String, Postings> postings;
  private final ThreadLocal<Workspace> workspaces;
  private final String[] ids;
  private final String[] texts;
  private final int[] labelBits;
  private final String[][] words;
  private final Label[] labels;
  private final int neighbours;
  private final double share;
  private final String digest;
  private final int minWords;
  private final boolean skipPraise;

  private ExampleNeighbours(
      Analyzer analyzer,
      List<Example> examples,
      Label[] labels,
      int neighbours,
      double share,
      double commonWords,
      int minWords,
      boolean skipPraise,
      String digest) {
    this.analyzer = analyzer;
    this.minWords = minWords;
    this.skipPraise = skipPraise;
    this.labels = labels;
    this.neighbours = neighbours;
    this.share = share;
    this.digest = digest;
    int n = examples.size();
    ids = new String[n];
    texts = new String[n];
    labelBits = new int[n];
    words = new String[n][];
    Map<String, List<int[]>> byWord = new HashMap<>();
    int[] length = new int[n];
    long totalLength = 0;
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      ids[i] = e.id();
      texts[i] = e.text().strip();
      labelBits[i] = e.labelBits();
      Map<String, Integer> counts = new LinkedHashMap<>();
      forEachWord(e.text(), w -> counts.merge(w, 1, Integer::sum));
      String[] w = counts.keySet().toArray(new String[0]);
      Arrays.sort(w);
      words[i] = w;
      for (Map.Entry<String, Integer> c : counts.entrySet()) {
        byWord.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(new int[] {i, c.getValue()});
        length[i] += c.getValue();
      }
      totalLength += length[i];
    }
    double averageLength = n == 0 ? 1 : Math.max(1, (double) totalLength / n);
    float[] lengthNorm = new float[n];
    for (int i = 0; i < n; i++) {
      lengthNorm[i] = (float) (K1 * (1 - B + B * length[i] / averageLength));
    }
    int common = Math.max(1, (int) (n * commonWords));
    postings = new HashMap<>();
    for (Map.Entry<String, List<int[]>> e : byWord.entrySet()) {
      List<int[]> docs = e.getValue();
      if (docs.size() > common) {
        continue; // a word most examples share tells them apart too little
      }
      double idf = Math.log(1 + (n - docs.size() + 0.5) / (docs.size() + 0.5));
      int[] doc = new int[docs.size()];
      float[] weight = new float[docs.size()];
      for (int j = 0; j < doc.length; j++) {
        doc[j] = docs.get(j)[0];
        int f = docs.get(j)[1];
        weight[j] = (float) (idf * f * (K1 + 1) / (f + lengthNorm[doc[j]]));
      }
      postings.put(e.getKey(), new Postings(doc, weight));
    }
    workspaces = ThreadLocal.withInitial(() -> new Workspace(n));
  }

  /** The examples holding one word, each with the word's BM25 weight in that example. */
  private record Postings(int[] doc, float[] weight) {}

  /** Per thread: each example's score for the comment in hand, and which examples have one. */
  private static final class Workspace {
    final float[] score;
    final int[] touched;
    int count;

    Workspace(int n) {
      score = new float[n];
      touched = new int[n];
    }
  }

  /** One labelled comment. */
  private record Example(String id, String text, int labelBits) {}

  /**
   * Reads {@code examples.conf}'s settings and the example files it names (relative to the rules
   * folder).
   *
   * @throws RuleFileException naming the file and line of a setting or example that cannot be used
   */
  static ExampleNeighbours load(
      Path conf,
      List<Path> files,
      Label[] labels,
      int neighbours,
      double share,
      double commonWords,
      int minWords,
      boolean skipPraise,
      Analyzer analyzer) {
    if (neighbours < 1) {
      throw new RuleFileException(conf, 0, "neighbours must be 1 or more");
    }
    if (!(share > 0 && share <= 1)) {
      throw new RuleFileException(conf, 0, "share must be above 0 and at most 1");
    }
    if (!(commonWords > 0 && commonWords <= 1)) {
      throw new RuleFileException(conf, 0, "common_words must be above 0 and at most 1");
    }
    MessageDigest sha = RuleLoader.sha256();
    List<Example> examples = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : files) {
      List<String> lines;
      try {
        byte[] bytes = Files.readAllBytes(file);
        sha.update(bytes);
        lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      } catch (IOException e) {
        throw new RuleFileException(
            String.valueOf(file), 0, "example file cannot be read: " + e.getMessage(), e);
      }
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          examples.add(example(file, i + 1, lines.get(i), json));
        }
      }
    }
    if (examples.isEmpty()) {
      throw new RuleFileException(conf, 0, "the example files hold no labelled comments");
    }
    return new ExampleNeighbours(
        analyzer,
        examples,
        labels,
        neighbours,
        share,
        commonWords,
        minWords,
        skipPraise,
        java.util.HexFormat.of().formatHex(sha.digest()));
  }

  private static Example example(Path file, int line, String text, ObjectMapper json) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (IOException e) {
      throw new RuleFileException(
          String.valueOf(file.getFileName()), line, "not a JSON object: " + e.getMessage(), e);
    }
    JsonNode body = node.path("text");
    JsonNode labels = node.path("labels");
    if (!body.isTextual() || !labels.isArray()) {
      throw new RuleFileException(
          String.valueOf(file.getFileName()),
          line,
          "an example needs \"text\" and \"labels\"",
          null);
    }
    int bits = 0;
    for (JsonNode label : labels) {
      try {
        bits |= 1 << Label.fromWireName(label.asText().toLowerCase(Locale.ROOT)).ordinal();
      } catch (IllegalArgumentException e) {
        throw new RuleFileException(
            String.valueOf(file.getFileName()), line, "unknown label '" + label.asText() + "'", e);
      }
    }
    return new Example(
        node.path("id").asText(file.getFileName() + ":" + line), body.asText(), bits);
  }

  /** Whether a comment the rules find positive and not negative is left to the rules alone. */
  boolean skipPraise() {
    return skipPraise;
  }

  /** A digest of the example files' contents, part of the rules version. */
  String digest() {
    return digest;
  }

  /**
   * The labels the nearest examples suggest for {@code text}, each with the evidence that names
   * them; empty when none reaches its share.
   */
  Map<Label, Evidence> suggest(String text) {
    Set<String> query = new LinkedHashSet<>();
    forEachWord(
        text,
        w -> {
          if (query.size() < MAX_QUERY_WORDS && postings.containsKey(w)) {
            query.add(w);
          }
        });
    if (query.size() < minWords) {
      return Map.of();
    }
    Workspace ws = workspaces.get();
    float[] score = ws.score;
    int[] touched = ws.touched;
    ws.count = 0;
    for (String word : query) {
      Postings p = postings.get(word);
      int[] doc = p.doc();
      float[] weight = p.weight();
      for (int j = 0; j < doc.length; j++) {
        int d = doc[j];
        if (score[d] == 0) {
          touched[ws.count++] = d;
        }
        score[d] += weight[j];
      }
    }
    List<Neighbour> nearest = nearest(ws, text.strip());
    double total = 0;
    for (Neighbour hit : nearest) {
      total += hit.score();
    }
    if (nearest.isEmpty() || total <= 0) {
      return Map.of();
    }
    Map<Label, Evidence> out = new EnumMap<>(Label.class);
    for (Label label : labels) {
      int bit = 1 << label.ordinal();
      double votes = 0;
      List<String> voters = new ArrayList<>();
      int first = -1;
      for (Neighbour hit : nearest) {
        if ((labelBits[hit.doc()] & bit) != 0) {
          votes += hit.score();
          voters.add(ids[hit.doc()]);
          first = first < 0 ? hit.doc() : first;
        }
      }
      double got = votes / total;
      if (got >= share) {
        out.put(label, evidence(label, got, voters, nearest.size(), shared(query, first)));
      }
    }
    return out;
  }

  private Evidence evidence(
      Label label, double got, List<String> voters, int of, List<String> shared) {
    String rule =
        String.format(
            Locale.ROOT,
            "%s: %d of the %d nearest labelled comments are %s (share %.2f, needs %.2f): %s",
            FILE,
            voters.size(),
            of,
            label.wireName(),
            got,
            share,
            String.join(", ", voters.subList(0, Math.min(5, voters.size()))));
    // no reference: the text names this comment's own neighbours, so it differs comment by comment
    return new Evidence(rule, null, shared, 0);
  }

  /** The comment's words that the nearest voting example shares, as analysed. */
  private List<String> shared(Set<String> query, int doc) {
    List<String> out = new ArrayList<>();
    for (String word : query) {
      if (Arrays.binarySearch(words[doc], word) >= 0 && out.size() < 8) {
        out.add(word);
      }
    }
    return out;
  }

  /**
   * The {@code neighbours} best-scoring examples, best first, skipping any with exactly the
   * comment's own text; clears the workspace.
   */
  private List<Neighbour> nearest(Workspace ws, String self) {
    List<Neighbour> best = new ArrayList<>(neighbours + 1);
    for (int i = 0; i < ws.count; i++) {
      int d = ws.touched[i];
      float s = ws.score[d];
      ws.score[d] = 0;
      if (best.size() == neighbours + 1 && s <= best.get(neighbours).score()) {
        continue;
      }
      int at = best.size();
      while (at > 0
          && (best.get(at - 1).score() < s
              || (best.get(at - 1).score() == s && best.get(at - 1).doc() > d))) {
        at--;
      }
      best.add(at, new Neighbour(d, s));
      if (best.size() > neighbours + 1) {
        best.remove(neighbours + 1);
      }
    }
    ws.count = 0;
    best.removeIf(hit -> texts[hit.doc()].equals(self));
    return best.size() > neighbours ? best.subList(0, neighbours) : best;
  }

  private record Neighbour(int doc, float score) {}

  private void forEachWord(String text, Consumer<String> action) {
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        action.accept(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
