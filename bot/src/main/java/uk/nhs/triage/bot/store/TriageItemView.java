package uk.nhs.triage.bot.store;

import java.time.Instant;
import java.util.List;
import uk.nhs.triage.bot.routing.Action;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.classifier.Label;

/** A triage item as a queue lists it: the comment, what it was labelled, and what is due. */
public record TriageItemView(
    long id,
    String platform,
    String externalId,
    String authorHandle,
    String text,
    List<Label> labels,
    Priority priority,
    Instant dueBy,
    List<Action> actions,
    String status) {
  public TriageItemView {
    labels = List.copyOf(labels);
    actions = List.copyOf(actions);
  }
}
