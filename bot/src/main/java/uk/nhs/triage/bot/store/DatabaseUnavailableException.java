package uk.nhs.triage.bot.store;

/** The bot has no PostgreSQL to work with: the message says what failed and what to do. */
public final class DatabaseUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String HOW_TO_POINT_ELSEWHERE =
      "Set TRIAGE_DB_URL (plus TRIAGE_DB_USER, TRIAGE_DB_PASSWORD) to point the bot at another"
          + " PostgreSQL.";

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
