package uk.nhs.triage.adapters;

/** A platform could not be read. The message names the account and request, never a secret. */
public class AdapterException extends Exception {
  private static final long serialVersionUID = 1L;

  public AdapterException(String message) {
    super(message);
  }

  public AdapterException(String message, Throwable cause) {
    super(message, cause);
  }
}
