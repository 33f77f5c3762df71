package uk.nhs.triage.classifier;

import static uk.nhs.triage.classifier.ConfSettings.bool;
import static uk.nhs.triage.classifier.ConfSettings.checkKnown;
import static uk.nhs.triage.classifier.ConfSettings.fraction;
import static uk.nhs.triage.classifier.ConfSettings.integer;
import static uk.nhs.triage.classifier.ConfSettings.labels;
import static uk.nhs.triage.classifier.ConfSettings.line;
import static uk.nhs.triage.classifier.ConfSettings.number;
import static uk.nhs.triage.classifier.ConfSettings.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.classifier.ConfSettings.Setting;

/**
 * Reads {@code examples.conf}: which labelled files the nearest-examples signal compares comments
 * with, and how the nearest examples' votes count for each label it lists.
 */
final class ExamplesConf {
  /** The settings of {@code examples.conf} that can be written for one label too. */
  private static final List<String> VOTE_KEYS =
      List.of("share", "share_unmatched", "doubt_below", "doubt_share", "unless_fired");

  /** {@code examples.conf}'s settings and the labelled comments its files hold. */
  record ExampleFiles(ExampleNeighbours.Settings settings, ExampleNeighbours.Corpus corpus) {}

  /**
   * The nearest-examples signal's settings when the folder has {@code examples.conf} (which
   * labelled files, for which labels, how many neighbours and what share of their votes a label
   * needs), and the labelled comments read from its files.
   */
  static ExampleFiles read(Path file, List<String> lines) {
    Map<String, Setting> s = settings(file, lines);
    List<String> known =
        new ArrayList<>(
            List.of("files", "labels", "neighbours", "common_words", "min_words", "skip_praise"));
    known.addAll(VOTE_KEYS);
    List<Path> files = new ArrayList<>();
    Setting named = s.get("files");
    for (String name : named == null ? new String[0] : named.value().split(",")) {
      if (!name.isBlank()) {
        files.add(file.resolveSibling(name.strip()).normalize());
      }
    }
    if (files.isEmpty()) {
      throw new RuleFileException(file, line(s, "files"), "files names no labelled comments");
    }
    List<Label> labels = labels(file, s, "labels");
    for (Label label : labels) {
      for (String key : VOTE_KEYS) {
        known.add(key + "." + label.wireName());
      }
    }
    checkKnown(file, s, known);
    int neighbours = integer(file, s, "neighbours", 10);
    if (neighbours < 1) {
      throw new RuleFileException(file, line(s, "neighbours"), "neighbours must be 1 or more");
    }
    ExampleNeighbours.Vote[] votes = new ExampleNeighbours.Vote[Label.values().length];
    for (Label label : labels) {
      votes[label.ordinal()] = vote(file, s, label);
    }
    double common = fraction(file, s, "common_words", 0.25);
    return new ExampleFiles(
        new ExampleNeighbours.Settings(
            labels.toArray(new Label[0]),
            neighbours,
            votes,
            common,
            integer(file, s, "min_words", 3),
            bool(file, s, "skip_praise", true)),
        ExampleNeighbours.read(file, files));
  }

  /**
   * How the nearest examples' votes count for {@code label}: {@code share}, {@code
   * share_unmatched}, {@code doubt_below}, {@code doubt_share} and {@code unless_fired}, each as
   * written for the label ({@code share.negative = 0.6}) or else for every label.
   */
  private static ExampleNeighbours.Vote vote(Path file, Map<String, Setting> s, Label label) {
    String own = "." + label.wireName();
    double share = fraction(file, s, own(s, "share", own), 0.5);
    String unmatchedKey = own(s, "share_unmatched", own);
    double shareUnmatched = fraction(file, s, unmatchedKey, share);
    if (shareUnmatched < share) {
      throw new RuleFileException(
          file,
          line(s, unmatchedKey),
          "share_unmatched must be at least share (" + label.wireName() + ")");
    }
    String belowKey = own(s, "doubt_below", own);
    double doubtBelow = number(file, s, belowKey, 0);
    if (doubtBelow < 0) {
      throw new RuleFileException(file, line(s, belowKey), belowKey + " must be 0 or more");
    }
    String doubtKey = own(s, "doubt_share", own);
    double doubtShare = number(file, s, doubtKey, 0);
    if (doubtShare < 0 || doubtShare >= 1) {
      throw new RuleFileException(
          file, line(s, doubtKey), doubtKey + " must be 0 or more and below 1");
    }
    int unlessFired = 0;
    for (Label fired : labels(file, s, own(s, "unless_fired", own))) {
      unlessFired |= 1 << fired.ordinal();
    }
    return new ExampleNeighbours.Vote(share, shareUnmatched, doubtBelow, doubtShare, unlessFired);
  }

  /**
   * {@code key} with the label's own suffix when the file sets it for the label, else {@code key}.
   */
  private static String own(Map<String, Setting> s, String key, String suffix) {
    return s.containsKey(key + suffix) ? key + suffix : key;
  }

  private ExamplesConf() {}
}
