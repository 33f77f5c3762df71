package uk.nhs.triage.bot.web.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The people who may sign in to the web app. */
public final class Users {
  private final Jdbi jdbi;

  public Users(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Adds a user, or sets the role and password of an existing one.
   *
   * @throws IllegalArgumentException when the username is not lower-case letters, digits, dots, @,
   *     hyphens or underscores (2 to 64 characters), or the password is shorter than 12 characters
   */
  public void put(String username, Role role, char[] password) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._@-]{1,63}")) {
      throw new IllegalArgumentException(
          "username '"
              + username
              + "' must be 2 to 64 lower-case letters, digits, dots, hyphens, underscores or @");
    }
    if (password == null || password.length < 12) {
      throw new IllegalArgumentException("the password must be at least 12 characters long");
    }
    String hash = PasswordHasher.hash(password);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO web_user (username, role, password_hash) VALUES (:u, :r, :h)
                    ON CONFLICT (username) DO UPDATE SET role = excluded.role,
                                                         password_hash = excluded.password_hash
                    """)
                .bind("u", username)
                .bind("r", role.wireName())
                .bind("h", hash)
                .execute());
  }

  /** The user when the password is theirs and they are not disabled. */
  public Optional<User> check(String username, char[] password) {
    Optional<StoredUser> stored =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT username, role, password_hash FROM web_user"
                            + " WHERE username = :u AND NOT disabled")
                    .bind("u", username)
                    .map(
                        (rs, ctx) ->
                            new StoredUser(
                                rs.getString("username"),
                                rs.getString("role"),
                                rs.getString("password_hash")))
                    .findOne());
    if (stored.isEmpty()) {
      // Hash anyway, so the time taken does not tell a guesser which usernames exist.
      PasswordHasher.matches(password, DUMMY_HASH);
      return Optional.empty();
    }
    return PasswordHasher.matches(password, stored.get().hash())
        ? Optional.of(new User(stored.get().username(), Role.fromWireName(stored.get().role())))
        : Optional.empty();
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT username, role FROM web_user WHERE username = :u AND NOT disabled")
                .bind("u", username)
                .map(
                    (rs, ctx) ->
                        new User(rs.getString("username"), Role.fromWireName(rs.getString("role"))))
                .findOne());
  }

  public List<User> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT username, role FROM web_user ORDER BY username")
                .map(
                    (rs, ctx) ->
                        new User(rs.getString("username"), Role.fromWireName(rs.getString("role"))))
                .list());
  }

  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-real-password".toCharArray());

  private record StoredUser(String username, String role, String hash) {}
}
