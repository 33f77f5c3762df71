package uk.nhs.triage.bot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a quick bot would do: one Java regular expression per rule line, tried in turn on every
 * comment. Each rule's words and quoted phrases become one case-insensitive alternation; the
 * operators (NEAR, THEN, unless) are ignored, so it does less than the real classifier.
 */
public final class NaiveRegexBaseline {
  private static final Pattern WEIGHTED_LINE = Pattern.compile("^\\s*-?\\d+(?:\\.\\d+)?\\s+(.+)$");
  private static final Pattern PHRASE_OR_WORD =
      Pattern.compile("\"([^\"]+)\"|([\\p{L}\\p{N}@#'][\\p{L}\\p{N}'\\-*]*)");
  private static final java.util.Set<String> OPERATORS =
      java.util.Set.of("NEAR", "THEN", "AND", "OR", "NOT", "unless", "veto");

  private final List<Pattern> rules;

  private NaiveRegexBaseline(List<Pattern> rules) {
    this.rules = rules;
  }

  public static NaiveRegexBaseline fromRules(Path rulesDir) throws IOException {
    List<Pattern> rules = new ArrayList<>();
    try (Stream<Path> files = Files.list(rulesDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".rules")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher weighted = WEIGHTED_LINE.matcher(line);
          if (weighted.matches()) {
            Pattern pattern = compile(weighted.group(1));
            if (pattern != null) {
              rules.add(pattern);
            }
          }
        }
      }
    }
    return new NaiveRegexBaseline(rules);
  }

  public int ruleCount() {
    return rules.size();
  }

  /** How many rules match the comment. */
  public int matches(String comment) {
    int hits = 0;
    for (Pattern rule : rules) {
      if (rule.matcher(comment).find()) {
        hits++;
      }
    }
    return hits;
  }

  private static Pattern compile(String expression) {
    List<String> alternatives = new ArrayList<>();
    Matcher m = PHRASE_OR_WORD.matcher(expression);
    while (m.find()) {
      String phrase = m.group(1) != null ? m.group(1) : m.group(2);
      if (m.group(2) != null && (OPERATORS.contains(phrase) || phrase.matches("NEAR/\\d+"))) {
        continue;
      }
      alternatives.add(toRegex(phrase));
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    return Pattern.compile(
        "(?iu)(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
  }

  private static String toRegex(String phrase) {
    StringBuilder regex = new StringBuilder();
    for (String word : phrase.trim().split("\\s+")) {
      if (regex.length() > 0) {
        regex.append("\\s+");
      }
      boolean wildcard = word.endsWith("*");
      String stem = wildcard ? word.substring(0, word.length() - 1) : word;
      regex.append(Pattern.quote(stem));
      if (wildcard) {
        regex.append("[\\p{L}\\p{N}]*");
      }
    }
    return regex.toString();
  }
}
