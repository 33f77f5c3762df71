package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ConfSettings.SETTING;
import static uk.nhs.triage.classifier.ConfSettings.bool;
import static uk.nhs.triage.classifier.ConfSettings.checkKnown;
import static uk.nhs.triage.classifier.ConfSettings.duration;
import static uk.nhs.triage.classifier.ConfSettings.integer;
import static uk.nhs.triage.classifier.ConfSettings.line;
import static uk.nhs.triage.classifier.ConfSettings.list;
import static uk.nhs.triage.classifier.ConfSettings.name;
import static uk.nhs.triage.classifier.ConfSettings.number;
import static uk.nhs.triage.classifier.ConfSettings.positive;
import static uk.nhs.triage.classifier.ConfSettings.settings;
import static uk.nhs.triage.classifier.ConfSettings.settingsAnyKey;
import static uk.nhs.triage.classifier.ConfSettings.stripComment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import uk.nhs.triage.classifier.ConfSettings.Setting;

/**
 * Reads a rules folder: {@code language.conf} (negation), {@code spellings.conf} (spelling map),
 * {@code words.conf} (word lists), one {@code <label>.rules} per label and {@code
 * persistent_user.rules}, with {@code examples.conf} read by {@link ExamplesConf} and {@code
 * typos.conf} by {@link TyposConf}; every {@code name = value} setting through {@link
 * ConfSettings}. Every fault is reported with file and line.
 */
final class RuleLoader {
  private static final Pattern WEIGHT = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
  static final String LANGUAGE = "language.conf";
  static final String SPELLINGS = "spellings.conf";
  static final String WORDS = "words.conf";
  static final String TYPOS = "typos.conf";
  private static final Pattern WORD_LIST = Pattern.compile("\\$([a-z_]+)");

  /** Everything loaded, ready for the classifier. */
  record Loaded(
      TriageAnalyzer analyzer,
      TermDictionary dictionary,
      Map<Label, LabelRules> labels,
      List<Rule> rules,
      RuleIndex ruleIndex,
      int negationWindow,
      PersistentUserRule persistentUser,
      ExampleNeighbours examples,
      String version) {}

  private RuleLoader() {}

  static Loaded load(Path dir) {
    return load(dir, true);
  }

  /**
   * Reads the rules folder; with {@code withExamples} false, {@code examples.conf} is left unread
   * (the rule files alone, for measuring them on their own).
   */
  static Loaded load(Path dir, boolean withExamples) {
    if (!Files.isDirectory(dir)) {
      throw new RuleFileException(String.valueOf(dir), 0, "the rules folder does not exist", null);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(Files::isRegularFile)
              .filter(p -> name(p).endsWith(".rules") || name(p).endsWith(".conf"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Path, List<String>> contents = new LinkedHashMap<>();
    MessageDigest sha = sha256();
    for (Path file : files) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        sha.update(name(file).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        contents.put(file, new String(bytes, StandardCharsets.UTF_8).lines().toList());
      } catch (IOException e) {
        throw new RuleFileException(name(file), 0, "cannot be read: " + e.getMessage(), e);
      }
    }
    String version = HexFormat.of().formatHex(sha.digest()).substring(0, 12);

    Path languageFile = dir.resolve(LANGUAGE);
    Map<String, Setting> language =
        contents.containsKey(languageFile)
            ? settings(languageFile, contents.get(languageFile))
            : Map.of();
    List<String> negators = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    for (String n : list(language, "negators", "not, no, never, without, hardly, cannot, *n't")) {
      if (n.startsWith("*")) {
        suffixes.add(n.substring(1).replace('’', '\''));
      } else {
        negators.add(n);
      }
    }
    int window = integer(languageFile, language, "negation_window", 3);
    checkKnown(languageFile, language, List.of("negators", "negation_window"));

    CharArrayMap<char[]> spellings = new CharArrayMap<>(64, false);
    Path spellingFile = dir.resolve(SPELLINGS);
    if (contents.containsKey(spellingFile)) {
      for (Map.Entry<String, Setting> e :
          settingsAnyKey(spellingFile, contents.get(spellingFile)).entrySet()) {
        spellings.put(e.getKey(), e.getValue().value().toCharArray());
      }
    }
    Path examplesFile = dir.resolve(ExampleNeighbours.FILE);
    ExamplesConf.ExampleFiles exampleFiles =
        contents.containsKey(examplesFile)
            ? ExamplesConf.read(examplesFile, contents.get(examplesFile))
            : null;
    Path typosFile = dir.resolve(TYPOS);
    TypoCorrector typos = null;
    if (contents.containsKey(typosFile)) {
      typos =
          TyposConf.read(
              typosFile,
              contents,
              exampleFiles == null ? List.of() : exampleFiles.corpus().texts());
      version = digestOf(version, typos.digest());
    }
    TriageAnalyzer analyzer = new TriageAnalyzer(spellings, typos);
    TermDictionary dictionary = new TermDictionary(suffixes.toArray(new String[0]));
    ExpressionParser parser = new ExpressionParser(analyzer, dictionary);
    for (String negator : negators) {
      for (String[] word : parser.analyse(negator)) {
        dictionary.markNegator(word[1]);
      }
    }

    Path wordsFile = dir.resolve(WORDS);
    WordLists words =
        new WordLists(
            contents.containsKey(wordsFile)
                ? settings(wordsFile, contents.get(wordsFile))
                : Map.of());

    Map<Label, LabelRules> labels = new EnumMap<>(Label.class);
    List<Rule> rules = new ArrayList<>();
    PersistentUserRule persistent = null;
    for (Map.Entry<Path, List<String>> entry : contents.entrySet()) {
      Path file = entry.getKey();
      String fileName = name(file);
      if (!fileName.endsWith(".rules")) {
        if (!file.equals(languageFile)
            && !file.equals(spellingFile)
            && !file.equals(wordsFile)
            && !file.equals(typosFile)
            && !fileName.equals(ExampleNeighbours.FILE)) {
          throw new RuleFileException(
              file,
              0,
              "unknown configuration file; expected "
                  + LANGUAGE
                  + ", "
                  + SPELLINGS
                  + ", "
                  + WORDS
                  + ", "
                  + TYPOS
                  + ", "
                  + ExampleNeighbours.FILE
                  + " or <label>.rules");
        }
        continue;
      }
      String labelName = fileName.substring(0, fileName.length() - ".rules".length());
      Label label;
      try {
        label = Label.fromWireName(labelName);
      } catch (IllegalArgumentException e) {
        throw new RuleFileException(
            file,
            0,
            "'"
                + labelName
                + "' is not a label; name the file after one of "
                + Arrays.stream(Label.values()).map(Label::wireName).toList());
      }
      if (label == Label.PERSISTENT_USER) {
        persistent = persistentUser(file, entry.getValue());
      } else {
        LabelRules parsed = labelRules(file, label, entry.getValue(), parser, words);
        labels.put(label, parsed);
        rules.addAll(parsed.rules());
      }
    }
    RuleIndex ruleIndex = index(rules, dictionary, parser.alternatives());
    ExampleNeighbours examples =
        withExamples && exampleFiles != null
            ? ExampleNeighbours.of(exampleFiles.corpus(), exampleFiles.settings(), analyzer)
            : null;
    if (examples != null) {
      version = digestOf(version, examples.digest());
    }
    return new Loaded(
        analyzer,
        dictionary,
        labels,
        List.copyOf(rules),
        ruleIndex,
        window,
        persistent,
        examples,
        version);
  }

  /** Most term groups of a rule that are checked before it is evaluated. */
  static final int MAX_GROUPS = 16;

  /**
   * The rules worth evaluating for a comment: those whose every term group ({@link
   * Expression#groups}, at most {@link #MAX_GROUPS}) the comment meets. Each rule is indexed under
   * one group only, the one least likely to be met (below), and its other groups are checked when
   * that one is: a rule of a rare word NEAR a list of pronouns is then looked at only when the rare
   * word occurs, not whenever "my" or "her" does.
   *
   * <p>Both are flat int arrays read front to back, with a phrase's words written out where they
   * are needed rather than reached through a phrase table. By term, the postings of term {@code t}
   * are {@code postings[starts[t]..starts[t+1])}, each {@code rule, k, w1..wk}: the rule is met
   * when the other words {@code w1..wk} of the phrase option indexed under {@code t} all occur
   * (none for a word). Rule {@code r}'s other groups are {@code
   * checks[ruleChecks[r]..ruleChecks[r+1])}, each the number of ints that follow for it, then its
   * needs, each need {@code k, w1..wk}: words that must all occur (one for a word, a phrase
   * option's distinct words for a phrase); any need meets its group.
   */
  record RuleIndex(int[] postings, int[] starts, int[] ruleChecks, int[] checks) {}

  /**
   * Indexes every rule under its cheapest group. A group costs the sum of its needs' costs: a
   * term's is how many needs of all rules name it (the rules' own vocabulary standing for how
   * common a word is), plus a large amount for an English stop word; an option's is half its anchor
   * term's, since it is met only when all its words occur. Which group is indexed decides only how
   * often a rule is looked at, never whether it is a candidate.
   */
  private static RuleIndex index(
      List<Rule> rules, TermDictionary dictionary, Alternatives.Index phrases) {
    int terms = dictionary.size();
    List<List<int[][]>> all = new ArrayList<>(rules.size());
    int[] uses = new int[terms];
    for (Rule rule : rules) {
      List<int[][]> groups = new ArrayList<>();
      rule.match().groups(groups);
      if (groups.size() > MAX_GROUPS) {
        groups = groups.subList(0, MAX_GROUPS);
      }
      all.add(groups);
      for (int[][] group : groups) {
        for (int[] need : group) {
          if (need[1] >= 0) {
            // a phrase option is known by its phrase number and looked up by its anchor
            need[0] = phrases.anchor(need[1]);
          }
          uses[need[0]]++;
        }
      }
    }
    long[] termCost = new long[terms];
    for (int t = 0; t < terms; t++) {
      boolean stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(dictionary.name(t));
      termCost[t] = 2L * uses[t] + (stop ? 1L << 20 : 0);
    }
    List<IntList> byTerm = new ArrayList<>(terms);
    for (int i = 0; i < terms; i++) {
      byTerm.add(new IntList());
    }
    int[] ruleChecks = new int[rules.size() + 1];
    IntList checks = new IntList();
    for (int r = 0; r < rules.size(); r++) {
      List<int[][]> groups = all.get(r);
      int cheapest = 0;
      for (int g = 1; g < groups.size(); g++) {
        if (cost(groups.get(g), termCost) < cost(groups.get(cheapest), termCost)) {
          cheapest = g;
        }
      }
      for (int g = 0; g < groups.size(); g++) {
        int[][] group = groups.get(g);
        if (g == cheapest) {
          for (int[] need : group) {
            IntList posting = byTerm.get(need[0]);
            posting.add(r);
            if (need[1] < 0) {
              posting.add(0);
            } else {
              int[] words = phrases.words(need[1]);
              posting.add(words.length - 1);
              posting.addAll(words, 1, words.length);
            }
          }
          continue;
        }
        // the likeliest needs first: a group is met by its first need that is
        int[][] sorted = group.clone();
        Arrays.sort(sorted, (a, b) -> Long.compare(needCost(b, termCost), needCost(a, termCost)));
        int length = checks.size();
        checks.add(0);
        for (int[] need : sorted) {
          int[] words = need[1] >= 0 ? phrases.words(need[1]) : new int[] {need[0]};
          checks.add(words.length);
          checks.addAll(words, 0, words.length);
        }
        checks.set(length, checks.size() - length - 1);
      }
      ruleChecks[r + 1] = checks.size();
    }
    int[] starts = new int[terms + 1];
    for (int t = 0; t < terms; t++) {
      starts[t + 1] = starts[t] + byTerm.get(t).size();
    }
    int[] postings = new int[starts[terms]];
    for (int t = 0; t < terms; t++) {
      byTerm.get(t).copyTo(postings, starts[t]);
    }
    return new RuleIndex(postings, starts, ruleChecks, checks.toArray());
  }

  /** A growable list of ints, for building the index's flat arrays. */
  private static long cost(int[][] group, long[] termCost) {
    long sum = 0;
    for (int[] need : group) {
      sum += needCost(need, termCost);
    }
    return sum;
  }

  private static long needCost(int[] need, long[] termCost) {
    return need[1] >= 0 ? termCost[need[0]] / 2 : termCost[need[0]];
  }

  private static LabelRules labelRules(
      Path file, Label label, List<String> lines, ExpressionParser parser, WordLists words) {
    Double threshold = null;
    Double review = null;
    Label onNegation = null;
    boolean cancel = false;
    List<String> orgDomains = new ArrayList<>();
    List<Label> firesWith = new ArrayList<>();
    FollowUp followUp = null;
    List<Rule> rules = new ArrayList<>();
    List<LabelRules.DetectorRule> detectors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = stripComment(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      Matcher setting = SETTING.matcher(line);
      if (setting.matches()) {
        String key = setting.group(1);
        String value = setting.group(2).trim();
        switch (key) {
          case "threshold" -> threshold = number(file, lineNo, key, value);
          case "review" -> review = number(file, lineNo, key, value);
          case "on_negation" -> {
            if (value.equals("cancel")) {
              cancel = true;
            } else if (!value.equals("ignore")) {
              try {
                onNegation = Label.fromWireName(value);
              } catch (IllegalArgumentException e) {
                throw new RuleFileException(
                    file,
                    lineNo,
                    "on_negation must be ignore, cancel or a label name, not '" + value + "'");
              }
            }
          }
          case "organisational_email_domains" -> {
            for (String d : value.split(",")) {
              if (!d.isBlank()) {
                orgDomains.add(d.trim().toLowerCase(Locale.ROOT));
              }
            }
          }
          case "team_mailboxes" -> {
            // kept with the domains, marked by a trailing @: a mailbox name before the @
            for (String d : value.split(",")) {
              if (!d.isBlank()) {
                orgDomains.add(d.trim().toLowerCase(Locale.ROOT) + "@");
              }
            }
          }
          case "fires_with" -> {
            for (String name : value.split(",")) {
              if (name.isBlank()) {
                continue;
              }
              try {
                firesWith.add(Label.fromWireName(name.trim()));
              } catch (IllegalArgumentException e) {
                throw new RuleFileException(
                    file, lineNo, "fires_with lists label names, not '" + name.trim() + "'");
              }
            }
          }
          case "follow_up_window" -> {
            String ref = name(file) + ":" + lineNo;
            followUp = new FollowUp(duration(file, lineNo, key, value), ref + " " + line, ref);
          }
          default ->
              throw new RuleFileException(
                  file,
                  lineNo,
                  "unknown setting '"
                      + key
                      + "'; known: threshold, review, on_negation, organisational_email_domains,"
                      + " team_mailboxes, fires_with, follow_up_window");
        }
        continue;
      }
      String ref = name(file) + ":" + lineNo;
      String source = ref + " " + line;
      try {
        List<String> lexed = ExpressionParser.lex(words.expand(line));
        String head = lexed.get(0);
        if (head.equalsIgnoreCase("unless")) {
          Expression e = parser.parse(lexed.subList(1, lexed.size()));
          rules.add(new Rule(label, source, ref, 0, true, e, null));
          continue;
        }
        if (!WEIGHT.matcher(head).matches()) {
          throw new ExpressionParser.Problem(
              "a rule starts with its weight (e.g. 2 or -1.5) or 'unless', not '" + head + "'");
        }
        double weight = Double.parseDouble(head);
        if (lexed.size() == 3 && lexed.get(1).equals("detector")) {
          try {
            PersonalData.Kind kind =
                PersonalData.Kind.valueOf(lexed.get(2).toUpperCase(Locale.ROOT));
            detectors.add(new LabelRules.DetectorRule(kind, weight, source, ref));
            continue;
          } catch (IllegalArgumentException e) {
            throw new ExpressionParser.Problem(
                "unknown detector '"
                    + lexed.get(2)
                    + "'; known: nhs_number, mobile_phone, landline_phone, email, postcode, date_of_birth");
          }
        }
        int unless = -1;
        for (int t = 1; t < lexed.size(); t++) {
          if (lexed.get(t).equalsIgnoreCase("unless")) {
            unless = t;
            break;
          }
        }
        List<String> body = unless < 0 ? lexed.subList(1, lexed.size()) : lexed.subList(1, unless);
        Expression match = parser.parse(body);
        Expression except =
            unless < 0 ? null : parser.parse(lexed.subList(unless + 1, lexed.size()));
        rules.add(new Rule(label, source, ref, weight, false, match, except));
      } catch (ExpressionParser.Problem e) {
        throw new RuleFileException(file, lineNo, e.getMessage() + " in: " + line);
      }
    }
    if (threshold == null) {
      throw new RuleFileException(file, 0, "missing setting 'threshold = <number>'");
    }
    if (review == null) {
      review = threshold;
    }
    if (review > threshold) {
      throw new RuleFileException(
          file, 0, "review (" + review + ") must not be above threshold (" + threshold + ")");
    }
    return new LabelRules(
        label,
        threshold,
        review,
        onNegation,
        cancel,
        List.copyOf(rules),
        List.copyOf(detectors),
        List.copyOf(orgDomains),
        List.copyOf(firesWith),
        followUp);
  }

  private static PersistentUserRule persistentUser(Path file, List<String> lines) {
    Map<String, Setting> s = settings(file, lines);
    checkKnown(
        file,
        s,
        List.of(
            "prolific_comments",
            "prolific_window",
            "negative_earlier",
            "negative_window",
            "negative_now_score",
            "offensive_earlier",
            "offensive_window",
            "offensive_now_counts"));
    String f = name(file);
    return new PersistentUserRule(
        f,
        integer(file, s, "prolific_comments", 8),
        duration(file, s, "prolific_window", "24h"),
        line(s, "prolific_comments"),
        integer(file, s, "negative_earlier", 3),
        duration(file, s, "negative_window", "7d"),
        positive(file, s, "negative_now_score"),
        line(s, "negative_earlier"),
        integer(file, s, "offensive_earlier", 2),
        duration(file, s, "offensive_window", "30d"),
        bool(file, s, "offensive_now_counts", true),
        line(s, "offensive_earlier"));
  }

  /** The rules version with a digest of more files folded in. */
  private static String digestOf(String version, String digest) {
    MessageDigest both = sha256();
    both.update(version.getBytes(StandardCharsets.UTF_8));
    both.update(digest.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(both.digest()).substring(0, 12);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The named word lists of {@code words.conf} ({@code home_harm = carer* | neighbour | ...}),
   * written {@code $home_harm} in a rule: one list shared by the lines and files that need it.
   */
  private record WordLists(Map<String, Setting> lists) {
    /** The rule line with each {@code $name} replaced by its list, in brackets. */
    String expand(String line) {
      if (line.indexOf('$') < 0) {
        return line;
      }
      Matcher m = WORD_LIST.matcher(line);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        Setting list = lists.get(m.group(1));
        if (list == null) {
          throw new ExpressionParser.Problem(
              "no word list named $"
                  + m.group(1)
                  + (lists.isEmpty()
                      ? "; " + WORDS + " defines none"
                      : "; " + WORDS + " defines $" + String.join(", $", lists.keySet())));
        }
        m.appendReplacement(out, Matcher.quoteReplacement("(" + list.value() + ")"));
      }
      m.appendTail(out);
      return out.toString();
    }
  }
}
