package uk.nhs.triage.bot.notify;

/** A side effect that no retry can deliver (e.g. a reply for a replay account): failed at once. */
public final class PermanentFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public PermanentFailure(String message) {
    super(message);
  }
}
