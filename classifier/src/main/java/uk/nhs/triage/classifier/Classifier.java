package uk.nhs.triage.classifier;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a comment against the keyword rules of every label and explains each score.
 *
 * <p>A comment is analysed once; each word is looked up in one dictionary of all rules' terms,
 * which names the rules worth checking; only those are evaluated. Thread-safe after {@link #load}.
 */
public final class Classifier {
  private static final int LABELS = Label.values().length;

  private final RuleLoader.Loaded rules;
  private final ThreadLocal<Workspace> workspaces;

  private Classifier(RuleLoader.Loaded rules) {
    this.rules = rules;
    this.workspaces =
        ThreadLocal.withInitial(
            () -> new Workspace(rules.dictionary().size(), rules.rules().size()));
  }

  /**
   * Reads every rule file in {@code rulesDir}.
   *
   * @throws RuleFileException naming file, line and fault when a file cannot be used
   */
  public static Classifier load(Path rulesDir) {
    return new Classifier(RuleLoader.load(rulesDir));
  }

  /**
   * The analysis chain the rules are matched through, for measuring it alone: no classifier built
   * on it can be faster than it.
   */
  public org.apache.lucene.analysis.Analyzer analyzer() {
    return rules.analyzer();
  }

  /** A fingerprint of the rule files' contents (first 12 hex digits of their SHA-256). */
  public String rulesVersion() {
    return rules.version();
  }

  /** Classifies a comment with no author history, as of now. */
  public Classification classify(String text) {
    return classify(text, AuthorHistory.NONE, Instant.now());
  }

  /** Classifies a comment posted at {@code at} by an author with the given earlier comments. */
  public Classification classify(String text, AuthorHistory history, Instant at) {
    String comment = text == null ? "" : text;
    Workspace ws = workspaces.get();
    CommentTokens tokens = ws.tokens;
    tokens.analyse(rules.analyzer(), rules.dictionary(), comment);

    double[] score = new double[LABELS];
    boolean[] vetoed = new boolean[LABELS];
    boolean[] scored = new boolean[LABELS];
    List<List<Evidence>> evidence = new ArrayList<>(Collections.nCopies(LABELS, null));

    for (int r : ws.candidates(rules.rulesByTerm(), rules.fullMasks())) {
      apply(rules.rules().get(r), tokens, score, vetoed, scored, evidence);
    }
    LabelRules personal = rules.labels().get(Label.PERSONAL_DATA);
    if (personal != null && !personal.detectors().isEmpty()) {
      detect(personal, comment, score, scored, evidence);
    }

    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      int i = label.ordinal();
      if (!scored[i]) {
        continue;
      }
      LabelRules settings = rules.labels().get(label);
      double threshold = settings == null ? 1 : settings.threshold();
      double review = settings == null ? 1 : settings.review();
      double value = vetoed[i] ? 0 : score[i];
      scores.put(
          label,
          new LabelScore(
              label,
              value,
              threshold,
              verdict(value, threshold, review),
              evidence.get(i) == null ? List.of() : evidence.get(i)));
    }
    firesWith(scores);
    PersistentUserRule persistent = rules.persistentUser();
    if (persistent != null) {
      List<Evidence> found =
          persistent.evidence(
              history,
              at == null ? Instant.now() : at,
              fired(scores, Label.NEGATIVE),
              fired(scores, Label.OFFENSIVE));
      if (!found.isEmpty()) {
        scores.put(
            Label.PERSISTENT_USER,
            new LabelScore(Label.PERSISTENT_USER, found.size(), 1, Verdict.FIRED, found));
      }
    }
    return new Classification(scores, rules.version());
  }

  private void apply(
      Rule rule,
      CommentTokens tokens,
      double[] score,
      boolean[] vetoed,
      boolean[] scored,
      List<List<Evidence>> evidence) {
    List<Span> spans = rule.match().spans(tokens);
    if (spans.isEmpty()) {
      return;
    }
    if (rule.unless() != null) {
      List<Span> excluded = rule.unless().spans(tokens);
      if (!excluded.isEmpty()) {
        List<Span> kept = new ArrayList<>(spans.size());
        for (Span s : spans) {
          if (excluded.stream().noneMatch(s::overlaps)) {
            kept.add(s);
          }
        }
        spans = kept;
        if (spans.isEmpty()) {
          return;
        }
      }
    }
    int label = rule.label().ordinal();
    if (rule.veto()) {
      vetoed[label] = true;
      add(evidence, label, new Evidence(rule.source(), words(tokens, spans.get(0), -1), 0));
      return;
    }
    LabelRules settings = rules.labels().get(rule.label());
    boolean negatable =
        rule.weight() > 0 && (settings.onNegation() != null || settings.cancelOnNegation());
    if (negatable) {
      int negator = -1;
      Span plain = null;
      for (Span s : spans) {
        // a match that opens with its own negator ("no one told us") is already negative: a
        // negator before it ("no key and no one told us") lists, it does not flip
        int q =
            tokens.isNegator(s.start())
                ? -1
                : tokens.negatorBefore(s.start(), rules.negationWindow());
        if (q < 0) {
          plain = s;
          break;
        }
        if (negator < 0) {
          negator = q;
        }
      }
      if (plain == null) {
        if (settings.cancelOnNegation()) {
          return;
        }
        int target = settings.onNegation().ordinal();
        score[target] += rule.weight();
        scored[target] = true;
        add(
            evidence,
            target,
            new Evidence(
                "negated " + rule.source(), words(tokens, spans.get(0), negator), rule.weight()));
        return;
      }
      spans = List.of(plain);
    }
    score[label] += rule.weight();
    if (rule.weight() > 0) {
      scored[label] = true;
    }
    add(
        evidence,
        label,
        new Evidence(rule.source(), words(tokens, spans.get(0), -1), rule.weight()));
  }

  private static void detect(
      LabelRules personal,
      String comment,
      double[] score,
      boolean[] scored,
      List<List<Evidence>> evidence) {
    List<PersonalData.Finding> findings =
        PersonalData.find(comment, personal.organisationalEmailDomains());
    if (findings.isEmpty()) {
      return;
    }
    int label = Label.PERSONAL_DATA.ordinal();
    for (LabelRules.DetectorRule detector : personal.detectors()) {
      for (PersonalData.Finding f : findings) {
        if (f.kind() == detector.kind()) {
          score[label] += detector.weight();
          scored[label] |= detector.weight() > 0;
          add(
              evidence,
              label,
              new Evidence(
                  detector.source(),
                  List.of(f.kind().wireName() + " " + f.masked()),
                  detector.weight()));
        }
      }
    }
  }

  /** A label set to fire with another (negative with patient_safety) fires when that one did. */
  private void firesWith(Map<Label, LabelScore> scores) {
    for (LabelRules settings : rules.labels().values()) {
      if (settings.firesWith().isEmpty() || fired(scores, settings.label())) {
        continue;
      }
      for (Label other : settings.firesWith()) {
        if (fired(scores, other)) {
          LabelScore own = scores.get(settings.label());
          double value = own == null ? 0 : own.score();
          List<Evidence> evidence = new ArrayList<>(own == null ? List.of() : own.evidence());
          evidence.add(
              new Evidence(
                  settings.label().wireName() + ".rules fires_with = " + other.wireName(),
                  List.of(),
                  settings.threshold() - value));
          scores.put(
              settings.label(),
              new LabelScore(
                  settings.label(),
                  settings.threshold(),
                  settings.threshold(),
                  Verdict.FIRED,
                  evidence));
          break;
        }
      }
    }
  }

  private static List<String> words(CommentTokens tokens, Span span, int negator) {
    Set<String> out = new LinkedHashSet<>();
    if (negator >= 0) {
      out.add(tokens.written(negator, negator));
    }
    int[] pieces = span.pieces();
    for (int i = 0; i < pieces.length; i += 2) {
      out.add(tokens.written(pieces[i], pieces[i + 1]));
    }
    return List.copyOf(out);
  }

  private static void add(List<List<Evidence>> evidence, int label, Evidence e) {
    if (evidence.get(label) == null) {
      evidence.set(label, new ArrayList<>(2));
    }
    evidence.get(label).add(e);
  }

  private static boolean fired(Map<Label, LabelScore> scores, Label label) {
    LabelScore s = scores.get(label);
    return s != null && s.verdict() == Verdict.FIRED;
  }

  private static Verdict verdict(double score, double threshold, double review) {
    if (score >= threshold) {
      return Verdict.FIRED;
    }
    return score >= review && score > 0 ? Verdict.REVIEW : Verdict.NONE;
  }

  /** Each rule's expression as the equivalent Lucene query, for display when explaining. */
  public List<String> explainRules() {
    List<String> out = new ArrayList<>(rules.rules().size());
    for (Rule r : rules.rules()) {
      out.add(r.source() + "  =>  " + r.match().lucene());
    }
    return out;
  }

  /** Per-thread buffers: the analysed comment and the candidate-rule marks. */
  private static final class Workspace {
    final CommentTokens tokens;
    private final int[] stamps;
    private final int[] masks;
    private int stamp;
    private int[] candidates = new int[64];

    Workspace(int terms, int ruleCount) {
      tokens = new CommentTokens(terms);
      stamps = new int[ruleCount];
      masks = new int[ruleCount];
    }

    /** The rules whose every term group the comment contains, in file order. */
    int[] candidates(int[][] postingsByTerm, int[] fullMasks) {
      stamp++;
      if (stamp == Integer.MAX_VALUE) {
        Arrays.fill(stamps, 0);
        stamp = 1;
      }
      int n = 0;
      for (int i = 0; i < tokens.touchedCount(); i++) {
        for (int posting : postingsByTerm[tokens.touched(i)]) {
          int r = posting / RuleLoader.MAX_GROUPS;
          int bit = 1 << (posting % RuleLoader.MAX_GROUPS);
          if (stamps[r] != stamp) {
            stamps[r] = stamp;
            masks[r] = 0;
          }
          int before = masks[r];
          int after = before | bit;
          if (after != before) {
            masks[r] = after;
            if (after == fullMasks[r]) {
              if (n == candidates.length) {
                candidates = Arrays.copyOf(candidates, n * 2);
              }
              candidates[n++] = r;
            }
          }
        }
      }
      int[] out = Arrays.copyOf(candidates, n);
      Arrays.sort(out);
      return out;
    }
  }
}
