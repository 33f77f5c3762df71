package uk.nhs.triage.classifier;

import java.util.List;

/**
 * The header settings and rules of one label's rule file.
 *
 * @param onNegation the label a rule's weight moves to when it matched just after a negator ("not
 *     happy" counts for negative instead of positive); {@code null} when negation does not move it
 * @param cancelOnNegation whether a match just after a negator counts for nothing
 * @param firesWith labels whose firing makes this one fire too (a patient-safety report is a
 *     complaint even when told without complaint words); empty for most labels
 * @param followUp when set, the label carries over to the author's next comments within a window
 *     ({@link FollowUp}); {@code null} for most labels
 */
record LabelRules(
    Label label,
    double threshold,
    double review,
    Label onNegation,
    boolean cancelOnNegation,
    List<Rule> rules,
    List<DetectorRule> detectors,
    List<String> organisationalEmailDomains,
    List<Label> firesWith,
    FollowUp followUp) {

  /**
   * A {@code detector} line of personal_data.rules: a pattern detector and its weight.
   *
   * @param source where the line is and what it says
   * @param ref the line's file and line number: see {@link Evidence#ref}
   */
  record DetectorRule(PersonalData.Kind kind, double weight, String source, String ref) {}
}
