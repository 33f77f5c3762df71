package uk.nhs.triage.bot.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the flowchart decided for one comment.
 *
 * @param queues the teams that receive it
 * @param actions what the policy asks them to do, in order
 * @param priority how soon
 * @param dueBy when the first action is due (null when nothing is due)
 * @param replyTemplate the name of the reply template chosen, or null when no public reply is
 *     drafted
 * @param replyDraft the reply draft rendered from that template; never posted without approval
 * @param foi the FOI assessment when the comment may be an FOI request, else null
 * @param media the media enquiry details when it is a press contact, else null
 * @param reasons one line per routing rule that applied, for the audit trail and the UI
 */
public record Decision(
    Set<Queue> queues,
    List<Action> actions,
    Priority priority,
    Instant dueBy,
    String replyTemplate,
    String replyDraft,
    FoiAssessment foi,
    MediaEnquiry media,
    List<String> reasons) {
  public Decision {
    queues = Set.copyOf(queues);
    actions = List.copyOf(actions);
    reasons = List.copyOf(reasons);
  }

  public boolean escalateNow() {
    return actions.contains(Action.ESCALATE_NOW);
  }

  public boolean doNotEngage() {
    return actions.contains(Action.DO_NOT_ENGAGE);
  }
}
