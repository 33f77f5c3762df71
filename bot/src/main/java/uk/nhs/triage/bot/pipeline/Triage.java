package uk.nhs.triage.bot.pipeline;

import java.time.Duration;
import java.time.Instant;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.Router;
import uk.nhs.triage.classifier.AuthorHistory;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Classifier;

/** The middle of the one flow: a comment goes through the classifier, then the router. */
public final class Triage {
  private final Classifier classifier;
  private final Router router;

  public Triage(Classifier classifier, Router router) {
    this.classifier = classifier;
    this.router = router;
  }

  /** Classifies and routes one comment, and adds it to its author's history. */
  public TriagedComment triage(Comment comment, HistoryBook histories, Instant receivedAt) {
    Instant postedAt = comment.createdAt() != null ? comment.createdAt() : receivedAt;
    AuthorHistory history = histories.historyOf(comment);
    Classification classification = classifier.classify(comment.text(), history, postedAt);
    histories.record(comment, classification, postedAt);
    Decision decision = router.route(comment, classification, receivedAt);
    return new TriagedComment(comment, classification, decision);
  }

  public String rulesVersion() {
    return classifier.rulesVersion();
  }

  /** How far back an author's stored history is loaded: the longest window the rules read. */
  public Duration historyWindow() {
    return classifier.historyWindow();
  }
}
