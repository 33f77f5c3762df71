package uk.nhs.triage.bot.web.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.web.CrisisRule;
import uk.nhs.triage.classifier.Label;

/** The dashboard's numbers: volumes, overdue work, response times, account health, crises. */
public final class DashboardQueries {
  private final Jdbi jdbi;

  public DashboardQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Comments per label over the last {@code days} days, every label listed. */
  public Map<String, Long> volumePerLabel(int days) {
    Map<String, Long> volume = new LinkedHashMap<>();
    for (Label label : Label.values()) {
      volume.put(label.wireName(), 0L);
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT l, count(*) AS n
                      FROM classification cl
                      JOIN comment c ON c.id = cl.comment_id
                      CROSS JOIN LATERAL unnest(cl.labels) AS l
                     WHERE coalesce(c.created_at, c.fetched_at) > now() - make_interval(days => :days)
                     GROUP BY l
                    """)
                .bind("days", days)
                .map((rs, ctx) -> Map.entry(rs.getString("l"), rs.getLong("n")))
                .forEach(e -> volume.computeIfPresent(e.getKey(), (k, v) -> e.getValue())));
    return volume;
  }

  /** Triage items per queue created over the last {@code days} days, among the given queues. */
  public Map<String, Long> volumePerQueue(int days, Collection<Queue> queues) {
    Map<String, Long> volume = new LinkedHashMap<>();
    for (Queue queue : queues) {
      volume.put(queue.name(), 0L);
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT q, count(*) AS n
                      FROM triage_item t CROSS JOIN LATERAL unnest(t.queues) AS q
                     WHERE t.created_at > now() - make_interval(days => :days)
                     GROUP BY q
                    """)
                .bind("days", days)
                .map((rs, ctx) -> Map.entry(rs.getString("q"), rs.getLong("n")))
                .forEach(e -> volume.computeIfPresent(e.getKey(), (k, v) -> e.getValue())));
    return volume;
  }

  /** Median time from an item's creation to the first thing a person did with it, per queue. */
  public Map<String, Duration> medianTimeToFirstAction(Collection<Queue> queues) {
    Map<String, Duration> medians = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    WITH first_action AS (
                      SELECT t.id, t.queues, min(a.at) - t.created_at AS wait
                        FROM triage_item t
                        JOIN audit_log a ON a.entity = 'triage_item'
                                        AND a.entity_id = CAST(t.id AS text)
                                        AND a.actor LIKE 'user:%'
                       GROUP BY t.id
                    )
                    SELECT q, extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY wait))
                           AS seconds
                      FROM first_action CROSS JOIN LATERAL unnest(queues) AS q
                     GROUP BY q
                    """)
                .map((rs, ctx) -> Map.entry(rs.getString("q"), rs.getDouble("seconds")))
                .forEach(
                    e -> medians.put(e.getKey(), Duration.ofSeconds(Math.round(e.getValue())))));
    Map<String, Duration> ordered = new LinkedHashMap<>();
    for (Queue queue : queues) {
      ordered.put(queue.name(), medians.get(queue.name()));
    }
    return ordered;
  }

  /** One account as the health table shows it. */
  public record AccountHealth(
      String id,
      String platform,
      String handle,
      Instant lastPoll,
      Instant lastSuccess,
      String lastError,
      long commentsSeen,
      boolean healthy) {}

  public List<AccountHealth> accounts() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM account ORDER BY id")
                .map(
                    (rs, ctx) ->
                        new AccountHealth(
                            rs.getString("id"),
                            rs.getString("platform"),
                            rs.getString("handle"),
                            instant(rs, "last_poll_at"),
                            instant(rs, "last_success_at"),
                            rs.getString("last_error"),
                            rs.getLong("comments_seen"),
                            rs.getBoolean("healthy")))
                .list());
  }

  /** A surge of negative or patient-safety comments on an account: a holding statement is due. */
  public record CrisisAlert(
      String accountId, long lastHour, double hourlyAverage, Instant holdingStatementDue) {}

  public List<CrisisAlert> crises(CrisisRule rule) {
    List<CrisisAlert> alerts = new ArrayList<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    WITH bad AS (
                      SELECT c.account_id, coalesce(c.created_at, c.fetched_at) AS at
                        FROM comment c JOIN classification cl ON cl.comment_id = c.id
                       WHERE cl.labels && ARRAY['negative', 'patient_safety']
                         AND coalesce(c.created_at, c.fetched_at) > now() - interval '7 days'
                    )
                    SELECT account_id,
                           count(*) FILTER (WHERE at > now() - interval '1 hour') AS last_hour,
                           count(*) / 168.0 AS hourly_average,
                           min(at) FILTER (WHERE at > now() - interval '1 hour') AS surge_start
                      FROM bad GROUP BY account_id ORDER BY account_id
                    """)
                .map(
                    (rs, ctx) -> {
                      Instant start = instant(rs, "surge_start");
                      return new CrisisAlert(
                          rs.getString("account_id"),
                          rs.getLong("last_hour"),
                          rs.getDouble("hourly_average"),
                          start == null ? null : start.plus(Duration.ofHours(4)));
                    })
                .forEach(
                    alert -> {
                      if (rule.surge(alert.lastHour(), alert.hourlyAverage())) {
                        alerts.add(alert);
                      }
                    }));
    return alerts;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
