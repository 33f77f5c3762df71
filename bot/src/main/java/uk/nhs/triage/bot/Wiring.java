package uk.nhs.triage.bot;

import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.Triage;
import uk.nhs.triage.bot.routing.Router;
import uk.nhs.triage.classifier.Classifier;

/** The bot's parts, built once from its configuration. */
public record Wiring(TriageConfig config, Classifier classifier, Router router) {

  public static Wiring of(TriageConfig config) {
    Classifier classifier = Classifier.load(config.rules());
    Router router = Router.fromConfig(config);
    return new Wiring(config, classifier, router);
  }

  public Triage triage() {
    return new Triage(classifier, router);
  }
}
