package uk.nhs.triage.bot.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Signed-in browsers: a random token in the cookie, its hash and a CSRF token in the table. */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Duration lifetime;

  public Sessions(Jdbi jdbi, Duration lifetime) {
    this.jdbi = jdbi;
    this.lifetime = lifetime;
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
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    WITH found AS (
                      SELECT s.token_hash, s.last_seen_at, u.username, u.role, s.csrf_token
                        FROM web_session s JOIN web_user u ON u.username = s.username
                       WHERE s.token_hash = :t AND s.expires_at > now() AND NOT u.disabled),
                    -- A write per page view would serialise a busy user's requests on one row;
                    -- last_seen_at to the minute is all anyone reads.
                    touched AS (
                      UPDATE web_session w SET last_seen_at = now() FROM found
                       WHERE w.token_hash = found.token_hash
                         AND found.last_seen_at < now() - interval '1 minute'
                      RETURNING 1)
                    SELECT username, role, csrf_token FROM found
                    """)
                .bind("t", hash(token))
                .map(
                    (rs, ctx) ->
                        new Session(
                            new User(
                                rs.getString("username"), Role.fromWireName(rs.getString("role"))),
                            rs.getString("csrf_token")))
                .findOne());
  }

  public void close(String token) {
    if (token != null) {
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
