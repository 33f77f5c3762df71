package uk.nhs.triage.bot.routing;

/** How soon a person must look; URGENT is escalated at once, at any hour. */
public enum Priority {
  URGENT,
  HIGH,
  NORMAL,
  LOW
}
