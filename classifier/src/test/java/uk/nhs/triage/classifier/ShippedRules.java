package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The rules shipped in config/rules, loaded once for all tests, and what tests ask of them. */
final class ShippedRules {
  static final Path DIR = Path.of("..", "config", "rules");
  static final Classifier CLASSIFIER = Classifier.load(DIR);

  /**
   * The shipped rule files alone, without the nearest-examples signal of {@code examples.conf}:
   * what a rule family's own near misses are checked against (the two together are measured by
   * {@code evaluate}, docs/quality.md).
   */
  static final Classifier RULES_ONLY = Classifier.loadRulesOnly(DIR);

  private ShippedRules() {}

  /** The shipped rules give this text the label. */
  static void assertFires(Label label, String text) {
    assertThat(CLASSIFIER.classify(text).labels()).as("labels of: %s", text).contains(label);
  }

  /** The shipped rule files alone do not give this text the label. */
  static void assertRulesDoNotFire(Label label, String text) {
    assertThat(RULES_ONLY.classify(text).labels()).as("labels of: %s", text).doesNotContain(label);
  }

  /** The shipped rules do not give this text the label. */
  static void assertDoesNotFire(Label label, String text) {
    assertThat(CLASSIFIER.classify(text).labels()).as("labels of: %s", text).doesNotContain(label);
  }
}
