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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The nearest labelled comments: a second signal beside the rules, which gives a label the rules
 * left short and doubts a weak match no nearby example carries ({@code examples.conf}).
 *
 * <p>The labelled comments (the evaluation corpora's JSON lines) are analysed once, through the
 * rules' own Lucene analysis chain, into postings: for each word, the examples holding it. A
 * comment's words are looked up there and each example holding them is scored by BM25 (Lucene's
 * default similarity: k1 1.2, b 0.75), in one pass over those postings; words held by more than
 * {@code common_words} of the examples are left out, as they tell examples apart too little. The
 * {@code neighbours} best examples vote for their labels with their score, and a label whose share
 * of the votes reaches its {@link Vote#share} ({@link Vote#shareUnmatched} where the label's own
 * rules add up to nothing) is suggested, with the examples that voted as its evidence; a label its
 * rules fired weakly whose share is at most its {@link Vote#doubtShare} is doubted. A comment never
 * counts as its own neighbour (an example with exactly its text is skipped), so evaluating a corpus
 * that is also an example set measures each comment against the others.
 *
 * <p>Cost: the comment is not analysed again. The words worth comparing get an int id each; {@link
 * CommentTokens} looks each distinct word up once per memo generation, during the rules' own
 * analysis, and keeps its id per position. Postings are flat arrays indexed by word id, the scores
 * a dense array, and the nearest are kept in two small primitive arrays. The postings are walked
 * twice: once adding the weights, once more in the same order reading each example's score at its
 * first posting (and clearing it, so its later postings read nothing); that meets the examples in
 * the order they were first scored, without recording first touches while adding, which cost more
 * than the second walk (docs/performance.md). {@link Classifier} does not search at all when no
 * label listed here is open to a suggestion (all fired, vetoed or weighed against by their rules)
 * or fired weakly enough to doubt, as the search could not change the result.
 */
final class ExampleNeighbours {
  static final String FILE = "examples.conf";
  private static final String FIELD = "text";
  private static final int MAX_QUERY_WORDS = 256;
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final ThreadLocal<Workspace> workspaces;
  private final String[] ids;
  private final String[] texts;
  private final int[] labelBits;
  private final Settings settings;
  private final int labelMask;
  private final String digest;

  /**
   * The words worth comparing (held by at most {@code common_words} of the examples), each with a
   * word id: its place in {@link #vocabulary}, which is sorted.
   */
  private final CharArrayMap<Integer> wordIds;

  private final String[] vocabulary;

  /**
   * The postings of word {@code w}, flat: the examples {@code postingDoc[postingStart[w] ..
   * postingStart[w + 1])} in ascending order, each with the word's BM25 weight in it.
   */
  private final int[] postingStart;

  private final int[] postingDoc;
  private final float[] postingWeight;

  /** Per example, the ids of its words worth comparing, ascending. */
  private final int[][] docWords;

  /**
   * What {@code examples.conf} sets: which labels the examples may give or doubt, how many
   * neighbours vote, how each label's votes count ({@code votes} by label ordinal, {@code null} for
   * a label not listed), how common a word may be and still count, how few words a comment may have
   * and still be compared, and whether praise is left to the rules.
   */
  record Settings(
      Label[] labels,
      int neighbours,
      Vote[] votes,
      double commonWords,
      int minWords,
      boolean skipPraise) {

    /** How the votes count for {@code label}; {@code null} when it is not listed. */
    Vote vote(Label label) {
      return votes[label.ordinal()];
    }
  }

  /**
   * How the nearest examples' votes count for one label. It is suggested when its share of the
   * votes reaches {@code share}, or {@code shareUnmatched} where its own rules add up to nothing.
   * It is doubted when its own rules fire it with a score under {@code doubtBelow} times its
   * threshold and its share is at most {@code doubtShare}: a weak match that no nearby example
   * backs goes to a person to check (the review band) instead ({@code doubtBelow} 0: never). It is
   * never suggested where the rules fired one of {@code unlessFired} (one bit per label ordinal):
   * praise is not suggested for a comment the rules read as a complaint.
   */
  record Vote(
      double share, double shareUnmatched, double doubtBelow, double doubtShare, int unlessFired) {}

  /**
   * What the nearest examples said: the labels they suggest and the labels they doubt, each with
   * the evidence that names the examples.
   */
  record Votes(Map<Label, Evidence> suggested, Map<Label, Evidence> doubted) {
    static final Votes NONE = new Votes(Map.of(), Map.of());
  }

  private ExampleNeighbours(
      Analyzer analyzer, List<Example> examples, Settings settings, String digest) {
    this.settings = settings;
    int mask = 0;
    for (Label label : settings.labels()) {
      mask |= 1 << label.ordinal();
    }
    this.labelMask = mask;
    this.digest = digest;
    double commonWords = settings.commonWords();
    int n = examples.size();
    ids = new String[n];
    texts = new String[n];
    labelBits = new int[n];
    Map<String, List<int[]>> byWord = new HashMap<>();
    int[] length = new int[n];
    long totalLength = 0;
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      ids[i] = e.id();
      texts[i] = e.text().strip();
      labelBits[i] = e.labelBits();
      Map<String, Integer> counts = new LinkedHashMap<>();
      forEachWord(analyzer, e.text(), w -> counts.merge(w, 1, Integer::sum));
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
    // a word most examples share tells them apart too little
    byWord.values().removeIf(docs -> docs.size() > common);
    vocabulary = byWord.keySet().toArray(new String[0]);
    Arrays.sort(vocabulary);
    wordIds = new CharArrayMap<>(vocabulary.length, false);
    postingStart = new int[vocabulary.length + 1];
    int total = 0;
    for (int w = 0; w < vocabulary.length; w++) {
      wordIds.put(vocabulary[w], w);
      total += byWord.get(vocabulary[w]).size();
      postingStart[w + 1] = total;
    }
    postingDoc = new int[total];
    postingWeight = new float[total];
    int[] wordCount = new int[n];
    for (int w = 0; w < vocabulary.length; w++) {
      List<int[]> docs = byWord.get(vocabulary[w]);
      double idf = Math.log(1 + (n - docs.size() + 0.5) / (docs.size() + 0.5));
      for (int j = 0, at = postingStart[w]; j < docs.size(); j++, at++) {
        int d = docs.get(j)[0];
        int f = docs.get(j)[1];
        postingDoc[at] = d;
        postingWeight[at] = (float) (idf * f * (K1 + 1) / (f + lengthNorm[d]));
        wordCount[d]++;
      }
    }
    docWords = new int[n][];
    for (int d = 0; d < n; d++) {
      docWords[d] = new int[wordCount[d]];
      wordCount[d] = 0;
    }
    for (int w = 0; w < vocabulary.length; w++) {
      for (int at = postingStart[w]; at < postingStart[w + 1]; at++) {
        int d = postingDoc[at];
        docWords[d][wordCount[d]++] = w; // words in ascending id order: each list comes sorted
      }
    }
    int words = vocabulary.length;
    workspaces = ThreadLocal.withInitial(() -> new Workspace(n, words, settings.neighbours()));
  }

  /**
   * Per thread: the comment's words as ids, each example's score for the comment in hand, and the
   * best examples so far.
   */
  private static final class Workspace {
    final float[] score;
    final int[] query = new int[MAX_QUERY_WORDS];

    /** How many of {@code query} hold the current comment's words. */
    int queryWords;

    final int[] seen;
    int stamp;
    final int[] bestDoc;
    final float[] bestScore;

    Workspace(int n, int words, int neighbours) {
      score = new float[n];
      seen = new int[words];
      bestDoc = new int[neighbours + 1];
      bestScore = new float[neighbours + 1];
    }

    /** A fresh mark for {@link #seen}, so that no word of an earlier comment counts as seen. */
    int nextStamp() {
      if (++stamp == 0) {
        Arrays.fill(seen, 0);
        stamp = 1;
      }
      return stamp;
    }
  }

  /** One labelled comment. */
  record Example(String id, String text, int labelBits) {}

  /**
   * Reads the example files {@code examples.conf} names ({@link RuleLoader} reads and checks its
   * settings).
   *
   * @throws RuleFileException naming the file and line of an example that cannot be used
   */
  static Corpus read(Path conf, List<Path> files) {
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
    return new Corpus(List.copyOf(examples), java.util.HexFormat.of().formatHex(sha.digest()));
  }

  /** The nearest-examples signal over labelled comments {@link #read} earlier. */
  static ExampleNeighbours of(Corpus corpus, Settings settings, Analyzer analyzer) {
    return new ExampleNeighbours(analyzer, corpus.examples(), settings, corpus.digest());
  }

  /** The labelled comments of the example files, and a digest of the files' contents. */
  record Corpus(List<Example> examples, String digest) {
    /** The comments' texts. */
    List<String> texts() {
      return examples.stream().map(Example::text).toList();
    }
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

  /** What {@code examples.conf} sets. */
  Settings settings() {
    return settings;
  }

  /** A digest of the example files' contents, part of the rules version. */
  String digest() {
    return digest;
  }

  /**
   * The id of a word as analysed, or -1 when it is not one worth comparing. {@link CommentTokens}
   * asks once per distinct word and keeps the answer per position.
   */
  int wordId(char[] word, int length) {
    Integer id = wordIds.get(word, 0, length);
    return id == null ? -1 : id;
  }

  /**
   * What the nearest examples say of the analysed comment (one bit per label ordinal in the masks):
   * the labels among {@code open} whose share of the votes reaches their {@link Vote#share} ({@link
   * Vote#shareUnmatched} for a label whose own rules add up to nothing: {@code ruleScore} by label
   * ordinal, none of its lines matched or they cancel out), and the labels among {@code doubtful}
   * (fired by their rules with a weak score) whose share is at most their {@link Vote#doubtShare}.
   * When neither mask holds a listed label the examples are not compared at all.
   */
  Votes vote(CommentTokens tokens, int open, int doubtful, double[] ruleScore) {
    if (((open | doubtful) & labelMask) == 0) {
      return Votes.NONE;
    }
    Workspace ws = workspaces.get();
    int found = search(ws, tokens);
    if (found < 0) {
      return Votes.NONE;
    }
    int[] bestDoc = ws.bestDoc;
    float[] bestScore = ws.bestScore;
    double total = 0;
    for (int i = 0; i < found; i++) {
      total += bestScore[i];
    }
    if (found == 0 || total <= 0) {
      return Votes.NONE;
    }
    Map<Label, Evidence> suggested = new EnumMap<>(Label.class);
    Map<Label, Evidence> doubted = new EnumMap<>(Label.class);
    for (Label label : settings.labels()) {
      int bit = 1 << label.ordinal();
      boolean suggesting = (open & bit) != 0;
      if (!suggesting && (doubtful & bit) == 0) {
        continue;
      }
      double votes = 0;
      for (int i = 0; i < found; i++) {
        if ((labelBits[bestDoc[i]] & bit) != 0) {
          votes += bestScore[i];
        }
      }
      double got = votes / total;
      Vote vote = settings.vote(label);
      if (suggesting) {
        boolean unmatched = Math.abs(ruleScore[label.ordinal()]) < 1e-9;
        double needs = unmatched ? vote.shareUnmatched() : vote.share();
        if (got >= needs) {
          suggested.put(label, evidence(ws, label, got, "needs " + share(needs), bit, found));
        }
      } else if (got <= vote.doubtShare()) {
        String why =
            "a weak match needs more than " + share(vote.doubtShare()) + "; a person checks";
        doubted.put(label, evidence(ws, label, got, why, bit, found));
      }
    }
    return suggested.isEmpty() && doubted.isEmpty() ? Votes.NONE : new Votes(suggested, doubted);
  }

  /**
   * The nearest examples of the analysed comment, best first, each with its score, as they vote in
   * {@link #suggest}; empty when the comment has too few words worth comparing.
   */
  List<Neighbour> neighbours(CommentTokens tokens) {
    Workspace ws = workspaces.get();
    int found = search(ws, tokens);
    if (found < 0) {
      return List.of();
    }
    List<Neighbour> out = new ArrayList<>(found);
    for (int i = 0; i < found; i++) {
      out.add(new Neighbour(ids[ws.bestDoc[i]], ws.bestScore[i]));
    }
    return out;
  }

  /** One of the nearest examples: its id and its BM25 score for the comment. */
  record Neighbour(String id, float score) {}

  /**
   * Finds the comment's nearest examples into the workspace ({@code bestDoc}, {@code bestScore},
   * its words in {@code query} and {@code queryWords}) and returns how many; -1 when the comment
   * has too few words worth comparing.
   */
  private int search(Workspace ws, CommentTokens tokens) {
    int words = query(ws, tokens);
    ws.queryWords = words;
    if (words < settings.minWords()) {
      return -1;
    }
    return nearest(ws, words, tokens.text().strip());
  }

  /**
   * Puts the ids of the comment's words worth comparing into the workspace's {@code query},
   * distinct, first occurrence first, at most {@value #MAX_QUERY_WORDS}, and returns how many.
   */
  private static int query(Workspace ws, CommentTokens tokens) {
    int[] query = ws.query;
    int[] seen = ws.seen;
    int stamp = ws.nextStamp();
    int words = 0;
    for (int p = 0, n = tokens.size(); p < n && words < MAX_QUERY_WORDS; p++) {
      int w = tokens.exampleWord(p);
      if (w >= 0 && seen[w] != stamp) {
        seen[w] = stamp;
        query[words++] = w;
      }
    }
    return words;
  }

  /**
   * The evidence of a vote on {@code label} (its bit {@code bit}): how many of the {@code found}
   * nearest examples carry it and which (the first five), the share they had and what it was
   * measured against, and as matched words those the nearest voting example shares with the
   * comment, or the nearest example's when none carries the label.
   */
  private Evidence evidence(
      Workspace ws, Label label, double got, String against, int bit, int found) {
    List<String> voters = new ArrayList<>();
    int first = -1;
    for (int i = 0; i < found; i++) {
      if ((labelBits[ws.bestDoc[i]] & bit) != 0) {
        voters.add(ids[ws.bestDoc[i]]);
        first = first < 0 ? ws.bestDoc[i] : first;
      }
    }
    String rule =
        String.format(
            Locale.ROOT,
            "%s: %d of the %d nearest labelled comments are %s (share %s, %s)%s",
            FILE,
            voters.size(),
            found,
            label.wireName(),
            share(got),
            against,
            voters.isEmpty()
                ? ""
                : ": " + String.join(", ", voters.subList(0, Math.min(5, voters.size()))));
    List<String> shared = shared(ws.query, ws.queryWords, first < 0 ? ws.bestDoc[0] : first);
    // no reference: the text names this comment's own neighbours, so it differs comment by comment
    return new Evidence(rule, null, shared, 0);
  }

  private static String share(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** The comment's words that the nearest voting example shares, as analysed, at most 8. */
  private List<String> shared(int[] query, int words, int doc) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words && out.size() < 8; i++) {
      if (Arrays.binarySearch(docWords[doc], query[i]) >= 0) {
        out.add(vocabulary[query[i]]);
      }
    }
    return out;
  }

  /**
   * Scores the examples holding the first {@code words} words of the workspace's {@code query} by
   * BM25 and puts the {@code neighbours} best, best first, into its {@code bestDoc} and {@code
   * bestScore}, skipping any with exactly the comment's own text; returns how many there are and
   * leaves the scores cleared. The examples are taken in the order they were first scored (the
   * comment's words in order, each word's examples in index order): one that ties with the last of
   * {@code neighbours + 1} kept ones is not taken, and ties among kept ones go to the lower example
   * index.
   */
  private int nearest(Workspace ws, int words, String self) {
    int[] query = ws.query;
    float[] score = ws.score;
    int[] postingDoc = this.postingDoc;
    float[] postingWeight = this.postingWeight;
    int[] postingStart = this.postingStart;
    // each example's score: its words' weights added in the comment's word order
    for (int i = 0; i < words; i++) {
      int w = query[i];
      for (int j = postingStart[w], end = postingStart[w + 1]; j < end; j++) {
        score[postingDoc[j]] += postingWeight[j];
      }
    }
    // the same postings in the same order: an example's first posting reads its score and clears
    // it, so each example is met once, in the order it was first scored, and its later postings
    // read 0, below any score (all weights are above 0)
    int[] bestDoc = ws.bestDoc;
    float[] bestScore = ws.bestScore;
    int neighbours = settings.neighbours();
    int keep = neighbours + 1;
    int size = 0;
    float take = Float.MIN_VALUE; // not full: any score; full: above the last kept one
    for (int i = 0; i < words; i++) {
      int w = query[i];
      int j = postingStart[w];
      int end = postingStart[w + 1];
      while (true) {
        int d = -1;
        float s = 0;
        for (; j < end; j++) { // the tight loop: most postings are not taken
          d = postingDoc[j];
          s = score[d];
          score[d] = 0;
          if (s >= take) {
            break;
          }
        }
        if (j == end) {
          break;
        }
        j++;
        size = keep(bestDoc, bestScore, size, keep, d, s);
        if (size == keep) {
          take = Math.nextUp(bestScore[keep - 1]);
        }
      }
    }
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!texts[bestDoc[i]].equals(self)) {
        bestDoc[kept] = bestDoc[i];
        bestScore[kept] = bestScore[i];
        kept++;
      }
    }
    return Math.min(kept, neighbours);
  }

  /**
   * Inserts example {@code d} with score {@code s} into the {@code size} best so far (score
   * descending, then example index ascending), dropping the last when {@code keep} are held;
   * returns the new size. The caller only offers examples that beat the last kept one or fill a
   * free place.
   */
  private static int keep(int[] bestDoc, float[] bestScore, int size, int keep, int d, float s) {
    int at = size;
    while (at > 0 && (bestScore[at - 1] < s || (bestScore[at - 1] == s && bestDoc[at - 1] > d))) {
      at--;
    }
    for (int m = size == keep ? keep - 1 : size; m > at; m--) {
      bestDoc[m] = bestDoc[m - 1];
      bestScore[m] = bestScore[m - 1];
    }
    bestDoc[at] = d;
    bestScore[at] = s;
    return size < keep ? size + 1 : size;
  }

  private static void forEachWord(Analyzer analyzer, String text, Consumer<String> action) {
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
