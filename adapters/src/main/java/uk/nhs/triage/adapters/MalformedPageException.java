package uk.nhs.triage.adapters;

/**
 * A page from the platform could not be read (truncated, not JSON, wrong shape). The cursor does
 * not move; the same request is retried next cycle.
 */
public class MalformedPageException extends AdapterException {
  private static final long serialVersionUID = 1L;

  public MalformedPageException(String message, Throwable cause) {
    super(message, cause);
  }
}
