package uk.nhs.triage.bot.web.auth;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** Slows password guessing: too many failures for one username from one address locks them out. */
public final class LoginThrottle {
  private final Jdbi jdbi;
  private final int maxFailures;
  private final Duration window;

  public LoginThrottle(Jdbi jdbi, int maxFailures, Duration window) {
    this.jdbi = jdbi;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  public boolean locked(String username, String address) {
    long failures =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT count(*) FROM login_attempt
                         WHERE username = :u AND address = :a
                           AND at > now() - make_interval(secs => :secs)
                        """)
                    .bind("u", username)
                    .bind("a", address)
                    .bind("secs", (double) window.toSeconds())
                    .mapTo(Long.class)
                    .one());
    return failures >= maxFailures;
  }

  public void failed(String username, String address) {
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO login_attempt (username, address) VALUES (:u, :a)")
                .bind("u", username)
                .bind("a", address)
                .execute());
  }

  /** A successful sign-in clears that username's failures from that address. */
  public void succeeded(String username, String address) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM login_attempt WHERE username = :u AND address = :a")
                .bind("u", username)
                .bind("a", address)
                .execute());
  }

  public Duration window() {
    return window;
  }
}
