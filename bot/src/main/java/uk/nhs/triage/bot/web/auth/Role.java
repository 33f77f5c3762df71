package uk.nhs.triage.bot.web.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import uk.nhs.triage.bot.routing.Queue;

/** What a signed-in person does: each team sees only its own queue; admin sees everything. */
public enum Role {
  COMMS(EnumSet.of(Queue.COMMS)),
  FOI(EnumSet.of(Queue.FOI)),
  PALS(EnumSet.of(Queue.PALS)),
  QUALITY(EnumSet.of(Queue.QUALITY)),
  SAFEGUARDING(EnumSet.of(Queue.SAFEGUARDING)),
  ADMIN(EnumSet.allOf(Queue.class));

  private final Set<Queue> queues;

  Role(Set<Queue> queues) {
    this.queues = queues;
  }

  public Set<Queue> queues() {
    return EnumSet.copyOf(queues);
  }

  public boolean sees(Queue queue) {
    return queues.contains(queue);
  }

  /** Approve and edit replies, hide comments, keep the media log: the comms team's work. */
  public boolean actsOnAccounts() {
    return this == COMMS || this == ADMIN;
  }

  public boolean worksFoiCases() {
    return this == FOI || this == ADMIN;
  }

  public boolean managesUsers() {
    return this == ADMIN;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the roles there are
   */
  public static Role fromWireName(String name) {
    for (Role role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + name + "' (expected comms, foi, pals, quality, safeguarding or admin)");
  }
}
