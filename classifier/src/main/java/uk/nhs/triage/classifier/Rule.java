package uk.nhs.triage.classifier;

/**
 * One line of a rule file: a weighted expression for a label, with an optional exclusion that
 * cancels matches it overlaps; or, when {@code veto}, an exclusion that stops the whole label.
 *
 * @param source where the rule is and what it says, e.g. {@code safeguarding.rules:12 kill* NEAR/2
 *     myself}
 * @param ref the rule's file and line, e.g. {@code safeguarding.rules:12}: see {@link Evidence#ref}
 */
record Rule(
    Label label,
    String source,
    String ref,
    double weight,
    boolean veto,
    Expression match,
    Expression unless) {

  /**
   * The term of a rule that is one word and no {@code unless}, which the classifier applies
   * straight from the comment's words without running an expression; -1 for any other rule.
   */
  int singleTerm() {
    return unless == null && match instanceof Expression.Words w && w.slots().length == 1
        ? w.slots()[0]
        : -1;
  }
}
