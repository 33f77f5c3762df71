package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Scores a comment against the keyword rules of every label and explains each score.
 *
 * <p>A comment is analysed once; each word is looked up in one dictionary of all rules' terms,
 * which names the rules worth checking; only those are evaluated. Thread-safe after {@link #load}.
 */
public final class Classifier {
  private static final Label[] ALL_LABELS = Label.values();
  private static final int LABELS = ALL_LABELS.length;

  private final RuleLoader.Loaded rules;
  private final LabelRules[] labelSettings = new LabelRules[LABELS];

  /**
   * Per rule, when its whole expression is one word with no exclusion (the commonest rule by far),
   * the word's term id, else -1; such rules are applied from these flat arrays without visiting the
   * rule's objects, which with thousands of rules are rarely in the CPU cache.
   */
  private final int[] singleTerm;

  /** Every rule's match and {@code unless} expressions, compiled into one array. */
  private final RulePrograms programs;

  private final int[] ruleLabel;
  private final double[] ruleWeight;
  private final boolean[] ruleVeto;
  private final String[] ruleSource;
  private final String[] ruleRef;

  /** Per rule, its evidence line and reference when it counts negated, made once. */
  private final String[] negatedSource;

  private final String[] negatedRef;

  private final ThreadLocal<Workspace> workspaces;

  /** The settings of the labels that fire with another, in label order. */
  private final LabelRules[] firingWith;

  /** The personal-data settings when they have detectors to run, else null. */
  private final LabelRules personalDataDetectors;

  /** The evidence line of label a firing with label b, by ordinals, made once. */
  private final String[][] firesWithSource = new String[LABELS][LABELS];

  private Classifier(RuleLoader.Loaded rules) {
    this.rules = rules;
    Rule[] ruleArray = rules.rules().toArray(new Rule[0]);
    rules.labels().forEach((label, settings) -> labelSettings[label.ordinal()] = settings);
    firingWith =
        rules.labels().values().stream()
            .filter(s -> !s.firesWith().isEmpty())
            .toArray(LabelRules[]::new);
    LabelRules personal = rules.labels().get(Label.PERSONAL_DATA);
    personalDataDetectors = personal != null && !personal.detectors().isEmpty() ? personal : null;
    for (Label a : Label.values()) {
      for (Label b : Label.values()) {
        firesWithSource[a.ordinal()][b.ordinal()] =
            a.wireName() + ".rules fires_with = " + b.wireName();
      }
    }
    int n = ruleArray.length;
    singleTerm = new int[n];
    programs = RulePrograms.compile(rules.rules());
    ruleLabel = new int[n];
    ruleWeight = new double[n];
    ruleVeto = new boolean[n];
    ruleSource = new String[n];
    ruleRef = new String[n];
    negatedSource = new String[n];
    negatedRef = new String[n];
    for (int r = 0; r < n; r++) {
      Rule rule = ruleArray[r];
      singleTerm[r] = rule.singleTerm();
      ruleLabel[r] = rule.label().ordinal();
      ruleWeight[r] = rule.weight();
      ruleVeto[r] = rule.veto();
      ruleSource[r] = rule.source();
      ruleRef[r] = rule.ref();
      negatedSource[r] = "negated " + rule.source();
      negatedRef[r] = "negated " + rule.ref();
    }
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
   * Reads the rule files of {@code rulesDir} alone, leaving out the nearest-examples signal of its
   * {@code examples.conf}: what the rules do on their own, for tests of rule families and for
   * {@code bench}.
   */
  public static Classifier loadRulesOnly(Path rulesDir) {
    return new Classifier(RuleLoader.load(rulesDir, false));
  }

  /**
   * The analysis chain the rules are matched through, for measuring it alone: no classifier built
   * on it can be faster than it.
   */
  public org.apache.lucene.analysis.Analyzer analyzer() {
    return rules.analyzer();
  }

  /**
   * How far back an author's earlier comments can matter to the rules: the longest persistent-user
   * window or label follow-up window; zero when no rule reads the history.
   */
  public Duration historyWindow() {
    Duration longest = Duration.ZERO;
    PersistentUserRule persistent = rules.persistentUser();
    if (persistent != null) {
      longest = persistent.longestWindow();
    }
    for (LabelRules settings : labelSettings) {
      if (settings != null
          && settings.followUp() != null
          && settings.followUp().window().compareTo(longest) > 0) {
        longest = settings.followUp().window();
      }
    }
    return longest;
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
    ExampleNeighbours examples = rules.examples();
    tokens.analyse(rules.analyzer(), rules.dictionary(), examples, comment);

    // per-thread buffers, emptied here: LabelScore copies the evidence it keeps
    double[] score = ws.score;
    boolean[] vetoed = ws.vetoed;
    boolean[] scored = ws.scored;
    List<List<Evidence>> evidence = ws.evidence;
    Arrays.fill(score, 0);
    Arrays.fill(vetoed, false);
    Arrays.fill(scored, false);
    for (List<Evidence> found : evidence) {
      found.clear();
    }

    int[] candidates = ws.candidates(rules.ruleIndex());
    for (int i = 0, n = ws.candidateCount(); i < n; i++) {
      int r = candidates[i];
      if (singleTerm[r] >= 0) {
        applyWord(r, tokens, score, vetoed, scored, evidence);
      } else {
        apply(r, tokens, ws.matches, score, vetoed, scored, evidence);
      }
    }
    if (personalDataDetectors != null) {
      detect(personalDataDetectors, comment, score, scored, evidence);
    }

    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    for (Label label : ALL_LABELS) {
      int i = label.ordinal();
      if (!scored[i]) {
        continue;
      }
      LabelRules settings = labelSettings[i];
      double threshold = settings == null ? 1 : settings.threshold();
      double review = settings == null ? 1 : settings.review();
      double value = vetoed[i] ? 0 : score[i];
      scores.put(
          label,
          new LabelScore(
              label, value, threshold, verdict(value, threshold, review), evidence.get(i)));
    }
    if (examples != null) {
      boolean praise = examples.settings().skipPraise() && praiseOnly(scores);
      int open = praise ? 0 : open(examples.settings(), scores, score, vetoed);
      ExampleNeighbours.Votes votes =
          examples.vote(tokens, open, doubtful(examples.settings(), scores), score);
      byExample(votes.suggested(), scores);
      votes.doubted().forEach((label, found) -> doubt(label, found, scores));
    }
    Instant when = at == null ? Instant.now() : at;
    followUps(history, when, scores, score, vetoed);
    firesWith(scores);
    PersistentUserRule persistent = rules.persistentUser();
    if (persistent != null) {
      List<Evidence> found =
          persistent.evidence(
              history, when, scores.get(Label.NEGATIVE), fired(scores, Label.OFFENSIVE));
      if (!found.isEmpty()) {
        scores.put(
            Label.PERSISTENT_USER,
            new LabelScore(Label.PERSISTENT_USER, found.size(), 1, Verdict.FIRED, found));
      }
    }
    return new Classification(scores, rules.version());
  }

  private void apply(
      int r,
      CommentTokens tokens,
      Matches matches,
      double[] score,
      boolean[] vetoed,
      boolean[] scored,
      List<List<Evidence>> evidence) {
    matches.clear();
    long spans = programs.match(r, tokens, matches);
    if (spans == Matches.NONE) {
      return;
    }
    if (programs.hasUnless(r)) {
      long excluded = programs.unless(r, tokens, matches);
      if (excluded != Matches.NONE) {
        spans = kept(matches, spans, excluded);
        if (spans == Matches.NONE) {
          return;
        }
      }
    }
    int first = Matches.first(spans);
    int label = ruleLabel[r];
    double weight = ruleWeight[r];
    if (ruleVeto[r]) {
      vetoed[label] = true;
      add(
          evidence,
          label,
          new Evidence(ruleSource[r], ruleRef[r], words(tokens, matches, first, -1), 0));
      return;
    }
    LabelRules settings = labelSettings[label];
    boolean negatable =
        weight > 0 && (settings.onNegation() != null || settings.cancelOnNegation());
    int chosen = first;
    if (negatable) {
      int negator = -1;
      int plain = -1;
      for (int s = first, end = first + Matches.count(spans); s < end; s++) {
        // a match that opens with its own negator ("no one told us") is already negative: a
        // negator before it ("no key and no one told us") lists, it does not flip
        int start = matches.start(s);
        int q = tokens.isNegator(start) ? -1 : tokens.negatorBefore(start, rules.negationWindow());
        if (q < 0) {
          plain = s;
          break;
        }
        if (negator < 0) {
          negator = q;
        }
      }
      if (plain < 0) {
        if (settings.cancelOnNegation()) {
          return;
        }
        int target = settings.onNegation().ordinal();
        score[target] += weight;
        scored[target] = true;
        add(
            evidence,
            target,
            new Evidence(
                negatedSource[r], negatedRef[r], words(tokens, matches, first, negator), weight));
        return;
      }
      chosen = plain;
    }
    score[label] += weight;
    if (weight > 0) {
      scored[label] = true;
    }
    add(
        evidence,
        label,
        new Evidence(ruleSource[r], ruleRef[r], words(tokens, matches, chosen, -1), weight));
  }

  /** The matches of {@code spans} that overlap none of {@code excluded}, as a new list. */
  private static long kept(Matches matches, long spans, long excluded) {
    int first = matches.next();
    int n = 0;
    int exFirst = Matches.first(excluded);
    int exEnd = exFirst + Matches.count(excluded);
    for (int s = Matches.first(spans), end = s + Matches.count(spans); s < end; s++) {
      boolean overlaps = false;
      for (int x = exFirst; x < exEnd && !overlaps; x++) {
        overlaps = matches.start(s) <= matches.end(x) && matches.start(x) <= matches.end(s);
      }
      if (!overlaps) {
        matches.addCopy(s);
        n++;
      }
    }
    return n == 0 ? Matches.NONE : Matches.list(first, n);
  }

  /**
   * {@link #apply} for a rule that is one word and no exclusion: its matches are the word's first
   * {@link Expression#MAX_SPANS} positions, taken straight from the comment.
   */
  private void applyWord(
      int r,
      CommentTokens tokens,
      double[] score,
      boolean[] vetoed,
      boolean[] scored,
      List<List<Evidence>> evidence) {
    int term = singleTerm[r];
    int count = Math.min(tokens.occurrenceCount(term), Expression.MAX_SPANS);
    if (count == 0) {
      return;
    }
    int[] at = tokens.occurrences(term);
    int label = ruleLabel[r];
    double weight = ruleWeight[r];
    if (ruleVeto[r]) {
      vetoed[label] = true;
      add(
          evidence,
          label,
          new Evidence(ruleSource[r], ruleRef[r], List.of(tokens.written(at[0], at[0])), 0));
      return;
    }
    LabelRules settings = labelSettings[label];
    int chosen = at[0];
    if (weight > 0 && (settings.onNegation() != null || settings.cancelOnNegation())) {
      int negator = -1;
      int plain = -1;
      for (int i = 0; i < count; i++) {
        int q = tokens.negatorBefore(at[i], rules.negationWindow());
        if (q < 0) {
          plain = at[i];
          break;
        }
        if (negator < 0) {
          negator = q;
        }
      }
      if (plain < 0) {
        if (settings.cancelOnNegation()) {
          return;
        }
        int target = settings.onNegation().ordinal();
        score[target] += weight;
        scored[target] = true;
        add(
            evidence,
            target,
            new Evidence(
                negatedSource[r], negatedRef[r], negatedWord(tokens, at[0], negator), weight));
        return;
      }
      chosen = plain;
    }
    score[label] += weight;
    if (weight > 0) {
      scored[label] = true;
    }
    add(
        evidence,
        label,
        new Evidence(ruleSource[r], ruleRef[r], List.of(tokens.written(chosen, chosen)), weight));
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
                  detector.ref(),
                  List.of(f.kind().wireName() + " " + f.masked()),
                  detector.weight()));
        }
      }
    }
  }

  /** A label set to fire with another (negative with patient_safety) fires when that one did. */
  private void firesWith(Map<Label, LabelScore> scores) {
    for (LabelRules settings : firingWith) {
      if (fired(scores, settings.label())) {
        continue;
      }
      for (Label other : settings.firesWith()) {
        if (fired(scores, other)) {
          LabelScore own = scores.get(settings.label());
          double value = own == null ? 0 : own.score();
          List<Evidence> evidence = new ArrayList<>(own == null ? List.of() : own.evidence());
          evidence.add(
              new Evidence(
                  firesWithSource[settings.label().ordinal()][other.ordinal()],
                  null,
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

  /** The words of match {@code match} as written, after the negator's when there is one. */
  private static List<String> words(CommentTokens tokens, Matches matches, int match, int negator) {
    int from = matches.piecesFrom(match);
    int length = matches.piecesLength(match);
    if (negator < 0 && length == 2) {
      return List.of(tokens.written(matches.piece(from), matches.piece(from + 1)));
    }
    // distinct, in order: a handful of words, so a scan beats a set
    String[] out = new String[length / 2 + 1];
    int n = 0;
    if (negator >= 0) {
      out[n++] = tokens.written(negator, negator);
    }
    for (int i = from; i < from + length; i += 2) {
      n = addNew(out, n, tokens.written(matches.piece(i), matches.piece(i + 1)));
    }
    return List.of(Arrays.copyOf(out, n));
  }

  private static int addNew(String[] out, int n, String word) {
    for (int i = 0; i < n; i++) {
      if (out[i].equals(word)) {
        return n;
      }
    }
    out[n] = word;
    return n + 1;
  }

  /** The negator and the word at {@code position}, as written. */
  private static List<String> negatedWord(CommentTokens tokens, int position, int negator) {
    String negatorWord = tokens.written(negator, negator);
    String word = tokens.written(position, position);
    return negatorWord.equals(word) ? List.of(word) : List.of(negatorWord, word);
  }

  private static void add(List<List<Evidence>> evidence, int label, Evidence e) {
    evidence.get(label).add(e);
  }

  /**
   * Gives the labels the nearest labelled comments suggest: only labels {@link #open} left open are
   * suggested, so none of them is fired, vetoed or weighed against by its own rules.
   */
  private void byExample(Map<Label, Evidence> suggested, Map<Label, LabelScore> scores) {
    suggested.forEach((label, found) -> give(label, found, scores));
  }

  /**
   * Puts a label its rules fired into the review band, with the nearest examples' evidence beside
   * what its rules matched: a weak match that no nearby example backs is for a person to check.
   */
  private static void doubt(Label label, Evidence found, Map<Label, LabelScore> scores) {
    LabelScore had = scores.get(label);
    List<Evidence> why = new ArrayList<>(had.evidence());
    why.add(found);
    scores.put(label, new LabelScore(label, had.score(), had.threshold(), Verdict.REVIEW, why));
  }

  /**
   * The labels (one bit per ordinal) the nearest examples may doubt: listed in {@code
   * examples.conf}, fired by their own rules with a score under the label's {@code doubt_below}
   * times its threshold.
   */
  private static int doubtful(ExampleNeighbours.Settings settings, Map<Label, LabelScore> scores) {
    int doubtful = 0;
    for (Label label : settings.labels()) {
      LabelScore s = scores.get(label);
      if (s != null
          && s.verdict() == Verdict.FIRED
          && s.score() < settings.vote(label).doubtBelow() * s.threshold()) {
        doubtful |= 1 << label.ordinal();
      }
    }
    return doubtful;
  }

  /**
   * Carries a label over from the author's earlier comments ({@link FollowUp}) to a comment its own
   * rules left short of it: not when they weigh against it or veto it, and not for praise (a
   * journalist thanking the nurses as a patient).
   */
  private void followUps(
      AuthorHistory history,
      Instant at,
      Map<Label, LabelScore> scores,
      double[] ruleScore,
      boolean[] vetoed) {
    if (history == null || history.prior().isEmpty() || praiseOnly(scores)) {
      return;
    }
    for (LabelRules settings : labelSettings) {
      if (settings == null || settings.followUp() == null) {
        continue;
      }
      Label label = settings.label();
      int i = label.ordinal();
      if (vetoed[i] || ruleScore[i] < 0 || fired(scores, label)) {
        continue;
      }
      Evidence found = settings.followUp().evidence(history, at, label);
      if (found != null) {
        give(label, found, scores);
      }
    }
  }

  /** Fires {@code label} at its threshold, with {@code found} beside what its rules matched. */
  private void give(Label label, Evidence found, Map<Label, LabelScore> scores) {
    LabelScore had = scores.get(label);
    LabelRules settings = labelSettings[label.ordinal()];
    double threshold = settings == null ? 1 : settings.threshold();
    double value = had == null ? 0 : had.score();
    List<Evidence> why = new ArrayList<>(had == null ? List.of() : had.evidence());
    why.add(new Evidence(found.rule(), found.ref(), found.matched(), threshold - value));
    scores.put(label, new LabelScore(label, threshold, threshold, Verdict.FIRED, why));
  }

  /**
   * The labels listed in {@code examples.conf} (one bit per ordinal) that {@link #byExample} could
   * still give: not vetoed, not fired already, not weighed against by their own rules, and not
   * beside a fired label their vote names in {@code unless_fired}. Lines that add up to less than
   * nothing are a hard negative the rules know ("fell off his bike"); a negative line balanced by
   * positive ones (harm at home, and a service named beside it) leaves the label open.
   */
  private static int open(
      ExampleNeighbours.Settings settings,
      Map<Label, LabelScore> scores,
      double[] ruleScore,
      boolean[] vetoed) {
    int fired = firedMask(scores);
    int open = 0;
    for (Label label : settings.labels()) {
      int i = label.ordinal();
      if (!vetoed[i]
          && !(ruleScore[i] < 0)
          && (fired & (1 << i)) == 0
          && (settings.vote(label).unlessFired() & fired) == 0) {
        open |= 1 << i;
      }
    }
    return open;
  }

  /** The labels that fired, one bit per ordinal. */
  private static int firedMask(Map<Label, LabelScore> scores) {
    int fired = 0;
    for (LabelScore s : scores.values()) {
      fired |= s.verdict() == Verdict.FIRED ? 1 << s.label().ordinal() : 0;
    }
    return fired;
  }

  /** The rules found the comment positive and not negative: praise, however it is worded. */
  private static boolean praiseOnly(Map<Label, LabelScore> scores) {
    return fired(scores, Label.POSITIVE) && !fired(scores, Label.NEGATIVE);
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

  /**
   * The misspelt words of {@code text} as the rules read them ({@code typos.conf}), in order, each
   * as "written → read as"; empty when none was corrected.
   */
  public List<String> corrections(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = rules.analyzer().tokenStream("comment", text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      AsWrittenFilter asWritten = (AsWrittenFilter) stream;
      stream.reset();
      while (stream.incrementToken()) {
        if (asWritten.corrected()) {
          out.add(
              text.substring(offset.startOffset(), offset.endOffset())
                  + " → "
                  + new String(asWritten.asWrittenBuffer(), 0, asWritten.asWrittenLength()));
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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
    final Matches matches = new Matches();
    final double[] score = new double[LABELS];
    final boolean[] vetoed = new boolean[LABELS];
    final boolean[] scored = new boolean[LABELS];
    final List<List<Evidence>> evidence = new ArrayList<>(LABELS);
    private final int[] stamps;
    private int stamp;
    private int[] candidates = new int[64];
    private int candidateCount;

    Workspace(int terms, int ruleCount) {
      tokens = new CommentTokens(terms);
      for (int i = 0; i < LABELS; i++) {
        evidence.add(new ArrayList<>(4));
      }
      stamps = new int[ruleCount];
    }

    /**
     * The rules whose every term group the comment contains, in file order: the first {@link
     * #candidateCount()} entries of the returned buffer.
     */
    int[] candidates(RuleLoader.RuleIndex index) {
      int[] postings = index.postings();
      int[] starts = index.starts();
      stamp++;
      if (stamp == Integer.MAX_VALUE) {
        Arrays.fill(stamps, 0);
        stamp = 1;
      }
      int n = 0;
      for (int i = 0; i < tokens.touchedCount(); i++) {
        int term = tokens.touched(i);
        for (int p = starts[term], end = starts[term + 1]; p < end; ) {
          int r = postings[p];
          int others = postings[p + 1];
          // a rule already looked at for this comment is not looked at again
          if (stamps[r] != stamp && tokens.allOccur(postings, p + 2, others)) {
            n = consider(r, index, n);
          }
          p += 2 + others;
        }
      }
      sortSmall(candidates, n);
      candidateCount = n;
      return candidates;
    }

    /** Sorts the first {@code n} ints: insertion sort for the dozen or so candidates usual. */
    private static void sortSmall(int[] a, int n) {
      if (n > 32) {
        Arrays.sort(a, 0, n);
        return;
      }
      for (int i = 1; i < n; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > x) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
    }

    int candidateCount() {
      return candidateCount;
    }

    /**
     * A rule whose indexed group is met, not yet looked at for this comment: it joins the
     * candidates when its other groups are met too.
     */
    private int consider(int r, RuleLoader.RuleIndex index, int n) {
      stamps[r] = stamp;
      int[] checks = index.checks();
      for (int k = index.ruleChecks()[r], last = index.ruleChecks()[r + 1]; k < last; ) {
        // a group: how many ints its needs take, then each need as its count of words and the words
        int end = k + 1 + checks[k];
        boolean met = false;
        for (k++; k < end && !met; k += 1 + checks[k]) {
          met = tokens.allOccur(checks, k + 1, checks[k]);
        }
        if (!met) {
          return n;
        }
        k = end;
      }
      if (n == candidates.length) {
        candidates = Arrays.copyOf(candidates, n * 2);
      }
      candidates[n++] = r;
      return n;
    }
  }
}
