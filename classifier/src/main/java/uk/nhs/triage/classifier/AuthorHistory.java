package uk.nhs.triage.classifier;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one author posted to our accounts before this comment, newest last. The classifier derives
 * {@link Label#PERSISTENT_USER} from it using the thresholds in the rule configuration.
 */
public record AuthorHistory(List<PriorComment> prior) {
  public static final AuthorHistory NONE = new AuthorHistory(List.of());

  public AuthorHistory {
    prior = List.copyOf(prior);
  }

  /** One earlier comment: when it was posted and the labels it got. */
  public record PriorComment(Instant at, Set<Label> labels) {
    public PriorComment {
      labels = Set.copyOf(labels);
    }
  }
}
