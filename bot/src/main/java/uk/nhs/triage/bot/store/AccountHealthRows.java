package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.PostgresText.clean;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.adapters.AccountStats;

/** The account columns and {@code account_health} rows behind rate limits and account health. */
final class AccountHealthRows {
  /** Platforms' account figures change slowly and their calls count against the rate limit. */
  static final Duration STATS_EVERY = Duration.ofDays(1);

  private final Jdbi jdbi;

  AccountHealthRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void rateLimited(String accountId, Instant until, String error) {
    update(
        """
        UPDATE account SET last_poll_at = now(), rate_limited_until = :until,
                           last_error = :error, last_error_at = now()
         WHERE id = :id
        """,
        accountId,
        until,
        error);
  }

  void failed(String accountId, String error) {
    update(
        """
        UPDATE account SET last_poll_at = now(), last_error = :error, last_error_at = now(),
                           consecutive_failures = consecutive_failures + 1, healthy = false
         WHERE id = :id
        """,
        accountId,
        null,
        error);
  }

  Optional<Instant> rateLimitedUntil(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT rate_limited_until FROM account WHERE id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> Optional.ofNullable(instant(rs, "rate_limited_until")))
                .findOne()
                .flatMap(until -> until));
  }

  boolean statsDue(String accountId, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT checked_at FROM account_health WHERE account_id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> instant(rs, "checked_at"))
                .findOne()
                .map(checked -> !checked.isAfter(now.minus(STATS_EVERY)))
                .orElse(true));
  }

  void stats(String accountId, AccountStats stats, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO account_health AS a
                           (account_id, followers, posts_last_8_weeks, last_original_post,
                            account_created_at, measured_at, first_checked_at, checked_at, error)
                    VALUES (:id, :followers, :posts, :lastPost, :created, :at, :at, :at, NULL)
                    ON CONFLICT (account_id) DO UPDATE
                       SET followers = excluded.followers,
                           posts_last_8_weeks = excluded.posts_last_8_weeks,
                           last_original_post = excluded.last_original_post,
                           account_created_at = excluded.account_created_at,
                           measured_at = excluded.measured_at,
                           checked_at = excluded.checked_at, error = NULL
                    """)
                .bind("id", accountId)
                .bindByType("followers", stats.followers(), Integer.class)
                .bindByType("posts", stats.postsLast8Weeks(), Integer.class)
                .bindByType("lastPost", utc(stats.lastOriginalPost()), OffsetDateTime.class)
                .bindByType("created", utc(stats.accountCreatedAt()), OffsetDateTime.class)
                .bindByType("at", utc(at), OffsetDateTime.class)
                .execute());
  }

  void statsFailed(String accountId, String error, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO account_health AS a (account_id, first_checked_at, checked_at, error)
                    VALUES (:id, :at, :at, :error)
                    ON CONFLICT (account_id) DO UPDATE
                       SET checked_at = excluded.checked_at, error = excluded.error
                    """)
                .bind("id", accountId)
                .bind("error", clean(error))
                .bindByType("at", utc(at), OffsetDateTime.class)
                .execute());
  }

  List<AccountHealthView> all(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.*, s.followers, s.posts_last_8_weeks, s.last_original_post,
                           s.account_created_at, s.first_checked_at, s.measured_at,
                           s.checked_at, s.error AS stats_error
                      FROM account a LEFT JOIN account_health s ON s.account_id = a.id
                     ORDER BY a.id
                    """)
                .map((rs, ctx) -> view(rs, now))
                .list());
  }

  private static AccountHealthView view(ResultSet rs, Instant now) throws SQLException {
    AccountStats stats =
        rs.getObject("measured_at") == null
            ? null
            : new AccountStats(
                (Integer) rs.getObject("followers"),
                (Integer) rs.getObject("posts_last_8_weeks"),
                instant(rs, "last_original_post"),
                instant(rs, "account_created_at"));
    Instant created = instant(rs, "account_created_at");
    Instant since = created != null ? created : instant(rs, "first_checked_at");
    Instant until = instant(rs, "rate_limited_until");
    return new AccountHealthView(
        rs.getString("id"),
        rs.getString("platform"),
        rs.getString("handle"),
        rs.getBoolean("healthy"),
        instant(rs, "last_poll_at"),
        instant(rs, "last_success_at"),
        rs.getString("last_error"),
        instant(rs, "last_error_at"),
        rs.getInt("consecutive_failures"),
        until != null && until.isAfter(now) ? until : null,
        rs.getLong("comments_seen"),
        stats == null ? null : stats.followers(),
        stats == null ? null : stats.postsLast8Weeks(),
        stats == null ? null : stats.lastOriginalPost(),
        created,
        instant(rs, "checked_at"),
        rs.getString("stats_error"),
        ClosureCriteria.inactive(stats, now),
        ClosureCriteria.lowFrequency(stats),
        ClosureCriteria.lowInterest(stats, since, now));
  }

  private void update(String sql, String accountId, Instant until, String error) {
    int accounts =
        jdbi.withHandle(
            h -> {
              var update = h.createUpdate(sql).bind("id", accountId).bind("error", clean(error));
              if (until != null) {
                update.bindByType("until", utc(until), OffsetDateTime.class);
              }
              return update.execute();
            });
    if (accounts == 0) {
      throw new IllegalArgumentException(
          "account '" + accountId + "' is not registered: call registerAccount first");
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return TriageRecords.utc(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
