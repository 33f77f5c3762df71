package uk.nhs.triage.bot.web.auth;

/** A signed-in team member. */
public record User(String username, Role role) {

  /** How the audit log names this person. */
  public String actor() {
    return "user:" + username;
  }
}
