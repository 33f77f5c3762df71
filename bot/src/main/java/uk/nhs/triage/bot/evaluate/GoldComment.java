package uk.nhs.triage.bot.evaluate;

import java.util.Set;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.classifier.Label;

/** A comment with the labels a person gave it. */
public record GoldComment(Comment comment, Set<Label> expected) {
  public GoldComment {
    expected = Set.copyOf(expected);
  }
}
