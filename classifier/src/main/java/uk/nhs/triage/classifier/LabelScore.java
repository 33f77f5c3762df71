package uk.nhs.triage.classifier;

import java.util.List;

/** A label's score against its threshold, the verdict, and the evidence behind it. */
public record LabelScore(
    Label label, double score, double threshold, Verdict verdict, List<Evidence> evidence) {
  public LabelScore {
    evidence = List.copyOf(evidence);
  }
}
