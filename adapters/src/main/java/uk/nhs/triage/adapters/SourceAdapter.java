package uk.nhs.triage.adapters;

/** Turns one platform's API into {@link Comment}s for one account. */
public interface SourceAdapter {

  /**
   * Fetches what is new since the cursor.
   *
   * @param cursor the cursor saved by the last successful poll, or null on the first poll
   * @return the new comments and the cursor to save with them
   * @throws AdapterException when the platform cannot be read; the cursor must not move
   */
  Page poll(String cursor) throws AdapterException;
}
