package uk.nhs.triage.bot;

/**
 * Fault injection for the crash-safety tests. With the environment variable {@code
 * TRIAGE_FAULT_CRASH_AT} set to a point's name, the process halts there at once, as SIGKILL would:
 * no finally blocks, no shutdown hooks, no flushing. Never set it in production.
 */
public final class CrashPoint {
  /** A page fetched from the platform and classified, not yet saved. */
  public static final String AFTER_FETCH = "after-fetch";

  /** A page saved with its cursor and outbox, before anything is sent. */
  public static final String AFTER_SAVE = "after-save";

  /** An email accepted by the mail server, not yet marked sent. */
  public static final String AFTER_EMAIL_SENT = "after-email-sent";

  /** An approved reply accepted by the platform, not yet marked sent. */
  public static final String AFTER_REPLY_SENT = "after-reply-sent";

  private static final String ARMED = System.getenv("TRIAGE_FAULT_CRASH_AT");

  private CrashPoint() {}

  public static void reached(String point) {
    if (point.equals(ARMED)) {
      System.err.println("crash point " + point + " reached: halting as SIGKILL would");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}
