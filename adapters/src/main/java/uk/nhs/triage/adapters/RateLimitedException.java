package uk.nhs.triage.adapters;

import java.time.Instant;

/**
 * The platform asked us to slow down. Pages already returned stay saved; the account is polled
 * again after {@link #resetAt()}, from the same cursor.
 */
public class RateLimitedException extends AdapterException {
  private static final long serialVersionUID = 1L;
  private final Instant resetAt;

  public RateLimitedException(String message, Instant resetAt) {
    super(message);
    this.resetAt = resetAt;
  }

  /** When the platform says the limit resets. */
  public Instant resetAt() {
    return resetAt;
  }
}
