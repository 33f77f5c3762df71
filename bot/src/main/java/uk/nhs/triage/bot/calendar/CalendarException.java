package uk.nhs.triage.bot.calendar;

/** The bank-holidays file is unreadable or wrong, or a date falls outside the years it covers. */
public class CalendarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CalendarException(String message) {
    super(message);
  }

  public CalendarException(String message, Throwable cause) {
    super(message, cause);
  }
}
