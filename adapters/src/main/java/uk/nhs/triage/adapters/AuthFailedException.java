package uk.nhs.triage.adapters;

/**
 * The account's token is missing, expired or revoked. The account is marked unhealthy with this
 * message until a person renews the token; other accounts go on.
 */
public class AuthFailedException extends AdapterException {
  private static final long serialVersionUID = 1L;

  public AuthFailedException(String message) {
    super(message);
  }
}
