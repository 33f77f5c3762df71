package uk.nhs.triage.classifier;

/** Whether a label applies: fired, close enough that a person should check, or not at all. */
public enum Verdict {
  FIRED,
  REVIEW,
  NONE
}
