package uk.nhs.triage.bot;

/** Turns what stopped a command into one plain sentence for the person who ran it. */
final class StartupProblem {
  private StartupProblem() {}

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      return cause != null ? describe(cause) : e.getClass().getSimpleName();
    }
    return message;
  }
}
