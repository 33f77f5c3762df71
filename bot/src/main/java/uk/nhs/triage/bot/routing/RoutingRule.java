package uk.nhs.triage.bot.routing;

import java.util.List;
import java.util.Set;
import uk.nhs.triage.classifier.Label;

/**
 * What the routing file says to do when one label applies.
 *
 * @param label the label it answers (null for the rule used when nothing fired)
 * @param unless labels that, when they also fired, take this rule's place
 * @param anyHour true to count the due time from now even outside office hours (escalation)
 * @param replyTemplate the reply template's name, or null for no reply draft
 * @param privateReply true when the reply is sent privately (a direct message), not posted
 * @param reason the policy behind the rule, in words, for the audit trail
 */
public record RoutingRule(
    Label label,
    Set<Label> unless,
    Set<Queue> queues,
    List<Action> actions,
    Priority priority,
    DueRule due,
    boolean anyHour,
    String replyTemplate,
    boolean privateReply,
    String reason) {
  public RoutingRule {
    unless = Set.copyOf(unless);
    queues = Set.copyOf(queues);
    actions = List.copyOf(actions);
  }
}
