package uk.nhs.triage.classifier;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the classifier decided about one comment.
 *
 * @param scores one entry per label that scored anything (labels absent here scored zero)
 * @param rulesVersion a fingerprint of the rule files that made this classification
 */
public record Classification(Map<Label, LabelScore> scores, String rulesVersion) {
  public Classification {
    scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
  }

  /** Labels whose score passed their threshold. */
  public Set<Label> labels() {
    return withVerdict(Verdict.FIRED);
  }

  /** Labels just below their threshold: for a person to check. */
  public Set<Label> forReview() {
    return withVerdict(Verdict.REVIEW);
  }

  public boolean has(Label label) {
    LabelScore score = scores.get(label);
    return score != null && score.verdict() == Verdict.FIRED;
  }

  public double score(Label label) {
    LabelScore score = scores.get(label);
    return score == null ? 0 : score.score();
  }

  private Set<Label> withVerdict(Verdict verdict) {
    Set<Label> result = EnumSet.noneOf(Label.class);
    scores.forEach(
        (label, score) -> {
          if (score.verdict() == verdict) {
            result.add(label);
          }
        });
    return Collections.unmodifiableSet(result);
  }
}
