package uk.nhs.triage.bot.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table as the sender sees it. Every method is its own short transaction: nothing here
 * holds a lock while an email or a reply is on its way.
 */
final class OutboxStore {
  /**
   * The delivery ref of a reply entry an earlier attempt set out to post; replaced by the
   * platform's id when it is marked sent.
   */
  static final String REPLY_MAY_BE_POSTED = "reply-may-be-posted";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  OutboxStore(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /**
   * Claims up to {@code limit} entries that are due, by moving their {@code available_at} to the
   * end of a lease: another sender skips them (SKIP LOCKED while this runs, the lease after), and
   * if this one dies mid-send they come back when the lease ends.
   */
  List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
    return jdbi.inTransaction(
        h ->
            h
                .createQuery(
                    """
                    UPDATE outbox o SET available_at = :leaseEnds
                     WHERE o.id IN (SELECT id FROM outbox
                                     WHERE sent_at IS NULL AND failed_at IS NULL
                                       AND available_at <= :now
                                     ORDER BY available_at, id
                                     LIMIT :limit
                                     FOR UPDATE SKIP LOCKED)
                    RETURNING o.id, o.kind, o.destination, o.idempotency_key,
                              o.payload::text AS payload, o.attempts, o.delivery_ref
                    """)
                .bindByType("now", utc(now), OffsetDateTime.class)
                .bindByType("leaseEnds", utc(now.plus(lease)), OffsetDateTime.class)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new OutboxEntry(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getString("destination"),
                            rs.getString("idempotency_key"),
                            parse(rs.getString("payload")),
                            rs.getInt("attempts"),
                            rs.getString("delivery_ref")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(OutboxEntry::id))
                .toList());
  }

  /**
   * Marks entries sent, with what the receiving end called the delivery, and writes the audit rows
   * in the same transaction.
   */
  void markSent(List<Long> ids, Instant at, String deliveryRef, List<AuditRow> audit) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  UPDATE outbox SET sent_at = :at, delivery_ref = :ref, last_error = NULL
                   WHERE id IN (<ids>) AND sent_at IS NULL
                  """)
              .bindList("ids", ids)
              .bindByType("at", utc(at), OffsetDateTime.class)
              .bind("ref", clean(deliveryRef))
              .execute();
          for (AuditRow row : audit) {
            insertAudit(h, row);
          }
        });
  }

  /** Counts a failed attempt: retried after {@code retryAt}, or given up on at {@code now}. */
  void recordFailure(OutboxEntry entry, String error, Instant now, Instant retryAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE outbox SET attempts = attempts + 1, last_error = :error,
                                      available_at = coalesce(CAST(:retryAt AS timestamptz),
                                                              available_at),
                                      failed_at = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL
                                                       THEN CAST(:now AS timestamptz) END
                     WHERE id = :id AND sent_at IS NULL
                    """)
                .bind("id", entry.id())
                .bind("error", clean(error))
                .bindByType("now", utc(now), OffsetDateTime.class)
                .bindByType("retryAt", utc(retryAt), OffsetDateTime.class)
                .execute());
  }

  /**
   * Records which digest entries go in before it is sent, so that after a crash between send and
   * mark-sent the same entries are sent together again, under the same Message-ID.
   */
  void prepareDigest(List<Long> ids, String messageId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE outbox SET delivery_ref = :ref WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .bind("ref", messageId)
                .execute());
  }

  /**
   * Records, before a reply is posted, that it may reach the platform: if this attempt ends without
   * a mark-sent (a crash, a lost answer, an error after the platform acted), the next one sees
   * {@link #REPLY_MAY_BE_POSTED} as the entry's delivery ref and looks on the platform first.
   */
  void notePosting(long id) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE outbox SET delivery_ref = :ref WHERE id = :id AND sent_at IS NULL")
                .bind("id", id)
                .bind("ref", REPLY_MAY_BE_POSTED)
                .execute());
  }

  /** Puts entries back, untried, until {@code until} (a digest waiting for office hours). */
  void postpone(List<Long> ids, Instant until) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE outbox SET available_at = :until WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .bindByType("until", utc(until), OffsetDateTime.class)
                .execute());
  }

  /** An audit row written with a mark-sent. */
  record AuditRow(String action, String entity, String entityId, Map<String, Object> detail) {}

  private void insertAudit(Handle h, AuditRow row) {
    try {
      h.createUpdate(
              """
              INSERT INTO audit_log (actor, action, entity, entity_id, detail)
              VALUES ('bot', :action, :entity, :entityId, CAST(:detail AS jsonb))
              """)
          .bind("action", row.action())
          .bind("entity", row.entity())
          .bind("entityId", row.entityId())
          .bind("detail", clean(json.writeValueAsString(row.detail())))
          .execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private com.fasterxml.jackson.databind.JsonNode parse(String payload) {
    try {
      return json.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException("outbox payload is not JSON", e);
    }
  }

  /** PostgreSQL text cannot hold NUL, which a server's error message could in theory carry. */
  private static String clean(String text) {
    return text == null ? null : text.replace('\0', '\uFFFD');
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
