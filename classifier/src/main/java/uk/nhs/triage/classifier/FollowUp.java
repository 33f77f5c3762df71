package uk.nhs.triage.classifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A label that carries over to an author's next comments: a journalist who asked the press office
 * for a statement and then writes "one further question for our report: how many..." is still press
 * contact, though the follow-up names no outlet. Set by {@code follow_up_window} in the label's
 * rule file.
 *
 * @param window how far back an earlier comment with the label counts
 * @param source where the setting is and what it says, for the evidence
 * @param ref the setting's file and line: see {@link Evidence#ref}
 */
record FollowUp(Duration window, String source, String ref) {

  /**
   * The evidence that {@code label} carries over to a comment posted at {@code at}: the author's
   * latest earlier comment with the label within the window; {@code null} when there is none.
   */
  Evidence evidence(AuthorHistory history, Instant at, Label label) {
    Instant latest = null;
    for (AuthorHistory.PriorComment prior : history.prior()) {
      if (prior.at() != null
          && !prior.at().isAfter(at)
          && Duration.between(prior.at(), at).compareTo(window) <= 0
          && prior.labels().contains(label)
          && (latest == null || prior.at().isAfter(latest))) {
        latest = prior.at();
      }
    }
    if (latest == null) {
      return null;
    }
    return new Evidence(
        source,
        ref,
        List.of("follows up the author's " + label.wireName() + " comment of " + latest),
        0);
  }
}
