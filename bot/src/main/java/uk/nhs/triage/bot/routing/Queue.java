package uk.nhs.triage.bot.routing;

/** A team that receives work from the bot. */
public enum Queue {
  COMMS,
  PALS,
  FOI,
  QUALITY,
  SAFEGUARDING
}
