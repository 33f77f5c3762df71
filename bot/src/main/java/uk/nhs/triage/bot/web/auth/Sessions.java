package uk.nhs.triage.bot.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in browsers: a random token in the cookie, its hash and a CSRF token in the table.
 *
 * <p>A session found in the table is trusted for {@code recheck} (a couple of seconds) before the
 * table is asked again, so a page view does not always cost a query. Signing out and a role change
 * through this web app ({@link #close}, {@link #forget}) take effect at once; a change made
 * elsewhere (the {@code user} command, another instance, SQL) within {@code recheck}.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Beyond this many remembered sessions the expired ones are dropped; a bound, not a target. */
  private static final int REMEMBERED = 10_000;

  private final Jdbi jdbi;
  private final Duration lifetime;
  private final long recheckNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Checked> recent = new ConcurrentHashMap<>();

  /** A session as the table gave it, and when. */
  private record Checked(Session session, Instant expiresAt, long checkedAt) {}

  /** Sessions rechecked against the table every 2 seconds. */
  public Sessions(Jdbi jdbi, Duration lifetime) {
    this(jdbi, lifetime, Duration.ofSeconds(2));
  }

  public Sessions(Jdbi jdbi, Duration lifetime, Duration recheck) {
    this(jdbi, lifetime, recheck, System::nanoTime);
  }

  /** With the clock the recheck period is measured on, for tests. */
  Sessions(Jdbi jdbi, Duration lifetime, Duration recheck, LongSupplier nanoClock) {
    this.jdbi = jdbi;
    this.lifetime = lifetime;
    this.recheckNanos = recheck.toNanos();
    this.nanoClock = nanoClock;
  }

  /** A session as a request sees it. */
  public record Session(User user, String csrfToken) {}

  /** Opens a session and returns the cookie's token (never stored as such). */
  public String open(User user) {
    String token = randomToken();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO web_session (token_hash, username, csrf_token, expires_at)
                    VALUES (:t, :u, :c, now() + make_interval(secs => :secs))
                    """)
                .bind("t", hash(token))
                .bind("u", user.username())
                .bind("c", randomToken())
                .bind("secs", (double) lifetime.toSeconds())
                .execute());
    return token;
  }

  public Optional<Session> find(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = hash(token);
    Checked checked = recent.get(hash);
    if (checked != null
        && nanoClock.getAsLong() - checked.checkedAt() < recheckNanos
        && Instant.now().isBefore(checked.expiresAt())) {
      return Optional.of(checked.session());
    }
    Optional<Checked> found = lookUp(hash);
    if (found.isPresent()) {
      if (recent.size() >= REMEMBERED) {
        Instant now = Instant.now();
        recent.values().removeIf(c -> !now.isBefore(c.expiresAt()));
      }
      recent.put(hash, found.get());
    } else {
      recent.remove(hash);
    }
    return found.map(Checked::session);
  }

  /** Makes the next request of each of the user's sessions ask the table (role changed). */
  public void forget(String username) {
    recent.values().removeIf(c -> c.session().user().username().equals(username));
  }

  private Optional<Checked> lookUp(String hash) {
    long checkedAt = nanoClock.getAsLong();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    WITH found AS (
                      SELECT s.token_hash, s.last_seen_at, s.expires_at, u.username, u.role,
                             s.csrf_token
                        FROM web_session s JOIN web_user u ON u.username = s.username
                       WHERE s.token_hash = :t AND s.expires_at > now() AND NOT u.disabled),
                    -- A write per page view would serialise a busy user's requests on one row;
                    -- last_seen_at to the minute is all anyone reads.
                    touched AS (
                      UPDATE web_session w SET last_seen_at = now() FROM found
                       WHERE w.token_hash = found.token_hash
                         AND found.last_seen_at < now() - interval '1 minute'
                      RETURNING 1)
                    SELECT username, role, csrf_token, expires_at FROM found
                    """)
                .bind("t", hash)
                .map(
                    (rs, ctx) ->
                        new Checked(
                            new Session(
                                new User(
                                    rs.getString("username"),
                                    Role.fromWireName(rs.getString("role"))),
                                rs.getString("csrf_token")),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                            checkedAt))
                .findOne());
  }

  public void close(String token) {
    if (token != null) {
      recent.remove(hash(token));
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM web_session WHERE token_hash = :t OR expires_at < now()")
                  .bind("t", hash(token))
                  .execute());
    }
  }

  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
