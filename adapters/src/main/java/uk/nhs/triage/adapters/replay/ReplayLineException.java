package uk.nhs.triage.adapters.replay;

/** One line of a replay file is not a comment; the message says why. */
public final class ReplayLineException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReplayLineException(String message) {
    super(message);
  }
}
