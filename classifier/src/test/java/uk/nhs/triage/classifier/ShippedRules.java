package uk.nhs.triage.classifier;

import java.nio.file.Path;

/** The rules shipped in config/rules, loaded once for all tests. */
final class ShippedRules {
  static final Path DIR = Path.of("..", "config", "rules");
  static final Classifier CLASSIFIER = Classifier.load(DIR);

  private ShippedRules() {}
}
