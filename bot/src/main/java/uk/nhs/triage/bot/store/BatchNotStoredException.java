package uk.nhs.triage.bot.store;

/**
 * One comment of a polled batch could not be stored, so none of the batch was and the account's
 * cursor did not move: the next poll fetches the same comments again.
 */
public final class BatchNotStoredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BatchNotStoredException(String message, Throwable cause) {
    super(message, cause);
  }
}
