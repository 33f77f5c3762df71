package uk.nhs.triage.classifier;

/**
 * One line of a rule file: a weighted expression for a label, with an optional exclusion that
 * cancels matches it overlaps; or, when {@code veto}, an exclusion that stops the whole label.
 *
 * @param source where the rule is and what it says, e.g. {@code safeguarding.rules:12 kill* NEAR/2
 *     myself}
 */
record Rule(
    Label label, String source, double weight, boolean veto, Expression match, Expression unless) {}
