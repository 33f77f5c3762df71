package uk.nhs.triage.bot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Copies a rules folder and grows it to a given number of rule lines with terms, phrases, proximity
 * pairs and wildcards drawn from real comment vocabulary, so that some of them match.
 */
public final class RuleGrower {
  private static final String EXAMPLES = "examples.conf";
  private static final String TYPOS = "typos.conf";

  /** The settings of those two files that name other files, relative to the rules folder. */
  private static final Set<String> FILE_SETTINGS = Set.of("files", "lexicon");

  /** Words the rule syntax reads as operators. */
  private static final Set<String> RESERVED = Set.of("unless", "and", "near", "then", "not");

  private RuleGrower() {}

  /** Returns the folder with the grown rules (a new temporary folder). */
  public static Path grow(Path rulesDir, List<String> corpusTexts, int extraRules, long seed)
      throws IOException {
    Path grown = Files.createTempDirectory("triage-rules-grown");
    List<Path> labelFiles = new ArrayList<>();
    try (Stream<Path> files = Files.list(rulesDir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path copy = grown.resolve(file.getFileName());
        String name = file.getFileName().toString();
        if (name.equals(EXAMPLES) || name.equals(TYPOS)) {
          Files.write(copy, withAbsolutePaths(file));
          continue;
        }
        Files.copy(file, copy);
        if (name.endsWith(".rules")
            && !name.startsWith("persistent_user")
            && !name.startsWith("personal_data")) {
          labelFiles.add(copy);
        }
      }
    }
    List<String> words = vocabulary(corpusTexts);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < extraRules; i++) {
      Path file = labelFiles.get(i % labelFiles.size());
      Files.writeString(
          file,
          "0.1 " + rule(words, random) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
    return grown;
  }

  /**
   * {@code examples.conf} or {@code typos.conf} for the copy: the example files and the lexicon
   * named by absolute path, since the copy is not beside the folder they were named from.
   */
  private static List<String> withAbsolutePaths(Path conf) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      String key = eq > 0 ? line.substring(0, eq).strip() : "";
      if (FILE_SETTINGS.contains(key)) {
        List<String> files = new ArrayList<>();
        for (String name : line.substring(eq + 1).split(",")) {
          if (!name.isBlank()) {
            files.add(conf.resolveSibling(name.strip()).toAbsolutePath().normalize().toString());
          }
        }
        line = key + " = " + String.join(", ", files);
      }
      out.add(line);
    }
    return out;
  }

  private static String rule(List<String> words, SplittableRandom random) {
    String a = words.get(random.nextInt(words.size()));
    String b = words.get(random.nextInt(words.size()));
    String c = words.get(random.nextInt(words.size()));
    return switch (random.nextInt(20)) {
      case 0, 1 -> a + " NEAR/5 " + b;
      case 2 -> (a.length() > 4 ? a.substring(0, 4) : a) + "*";
      case 3, 4, 5, 6 -> "\"" + a + " " + b + "\"";
      case 7 -> "\"" + a + " " + b + " " + c + "\"";
      default -> a;
    };
  }

  /** Words of the corpus less the 150 commonest, which no comms lead would write a rule for. */
  private static List<String> vocabulary(List<String> texts) {
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (word.length() >= 3 && !RESERVED.contains(word)) {
          counts.merge(word, 1, Integer::sum);
        }
      }
    }
    List<String> byFrequency = new ArrayList<>(counts.keySet());
    byFrequency.sort(
        Comparator.comparing((String w) -> -counts.get(w))
            .thenComparing(Comparator.naturalOrder()));
    return byFrequency.subList(Math.min(150, byFrequency.size()), byFrequency.size());
  }
}
