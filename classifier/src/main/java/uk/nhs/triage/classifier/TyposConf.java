package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ConfSettings.checkKnown;
import static uk.nhs.triage.classifier.ConfSettings.integer;
import static uk.nhs.triage.classifier.ConfSettings.labels;
import static uk.nhs.triage.classifier.ConfSettings.line;
import static uk.nhs.triage.classifier.ConfSettings.name;
import static uk.nhs.triage.classifier.ConfSettings.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.classifier.ConfSettings.Setting;

/** Reads {@code typos.conf}: the lexicon of known words and how the corrector may correct. */
final class TyposConf {
  private TyposConf() {}

  /**
   * {@code typos.conf}: the lexicon file it names and the shortest word it corrects; the words
   * written in every rule and configuration file and the example corpora's words are known too.
   */
  static TypoCorrector read(
      Path file, Map<Path, List<String>> contents, List<String> exampleTexts) {
    Map<String, Setting> s = settings(file, contents.get(file));
    checkKnown(file, s, List.of("lexicon", "min_length", "capitalised_min_uses", "masked"));
    Setting named = s.get("lexicon");
    if (named == null || named.value().isBlank()) {
      throw new RuleFileException(file, 0, "lexicon names no word list");
    }
    Path lexicon = file.resolveSibling(named.value().strip()).normalize();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(lexicon);
    } catch (IOException e) {
      throw new RuleFileException(
          name(file), named.line(), "the lexicon cannot be read: " + e.getMessage(), e);
    }
    int minLength = integer(file, s, "min_length", 5);
    if (minLength < 3) {
      throw new RuleFileException(file, line(s, "min_length"), "min_length must be 3 or more");
    }
    List<String> ruleLines = new ArrayList<>();
    contents.values().forEach(ruleLines::addAll);
    List<String> maskedLines = new ArrayList<>();
    for (Label label : labels(file, s, "masked")) {
      List<String> lines = contents.get(file.resolveSibling(label.wireName() + ".rules"));
      if (lines != null) {
        maskedLines.addAll(lines);
      }
    }
    return TypoCorrector.build(
        new String(bytes, StandardCharsets.UTF_8).lines().toList(),
        ruleLines,
        exampleTexts,
        minLength,
        integer(file, s, "capitalised_min_uses", 3),
        HexFormat.of().formatHex(RuleLoader.sha256().digest(bytes)),
        MaskedWords.of(maskedLines, ruleLines));
  }
}
