package uk.nhs.triage.bot.web.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What a comms team member approves to happen on a corporate account: a reply or a hide. Each is an
 * outbox row for the sender job; nothing is posted from here, and the idempotency key makes a
 * second approval of the same item a no-op.
 */
public final class AccountActions {
  private final Jdbi jdbi;
  private final ObjectMapper mapper;
  private final ItemQueries items;

  public AccountActions(Jdbi jdbi, ObjectMapper mapper, ItemQueries items) {
    this.jdbi = jdbi;
    this.mapper = mapper;
    this.items = items;
  }

  /**
   * Queues the approved reply; false when a reply for this item was approved already.
   *
   * @throws IllegalStateException for a press contact, which is never answered on social media
   */
  public boolean approveReply(
      ItemDetail item, String text, String actor, boolean overrodeWarnings) {
    if (item.pressContact()) {
      throw new IllegalStateException("press contacts are never answered on social media");
    }
    Map<String, Object> payload = payload(item);
    payload.put("text", text);
    payload.put("comment_url", item.url());
    return jdbi.inTransaction(
        h -> {
          int inserted = queue(h, "reply", item, payload);
          if (inserted == 0) {
            return false;
          }
          h.createUpdate(
                  "UPDATE triage_item SET reply_draft = :t, updated_at = now() WHERE id = :id")
              .bind("t", text)
              .bind("id", item.id())
              .execute();
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("text", text);
          detail.put("sentAnywayDespiteWarnings", overrodeWarnings);
          items.audit(h, actor, "reply.approved", item.id(), detail);
          return true;
        });
  }

  /** Queues hiding the comment; false when it was asked for already. */
  public boolean hide(ItemDetail item, String reason, String actor) {
    Map<String, Object> payload = payload(item);
    payload.put("comment_url", item.url());
    payload.put("reason", reason);
    return jdbi.inTransaction(
        h -> {
          int inserted = queue(h, "hide", item, payload);
          if (inserted > 0) {
            items.audit(h, actor, "comment.hide_requested", item.id(), Map.of("reason", reason));
          }
          return inserted > 0;
        });
  }

  /** What is already waiting in the outbox for this item (reply, hide), for the page to say so. */
  public Map<String, String> queued(long itemId) {
    Map<String, String> queued = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT kind, CASE WHEN sent_at IS NULL THEN 'waiting to be sent' ELSE 'sent'"
                        + " END AS state FROM outbox WHERE idempotency_key IN (:r, :h)")
                .bind("r", "reply:" + itemId)
                .bind("h", "hide:" + itemId)
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getString("state")))
                .forEach(e -> queued.put(e.getKey(), e.getValue())));
    return queued;
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write outbox payload: " + e.getMessage(), e);
    }
  }

  /** What the outbox sender needs to find the comment on its platform. */
  private static Map<String, Object> payload(ItemDetail item) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("platform", item.platform());
    payload.put("external_id", item.externalId());
    payload.put("account_id", item.accountId());
    return payload;
  }

  /** One outbox row per item and kind: asking twice inserts nothing (returns 0). */
  private int queue(Handle h, String kind, ItemDetail item, Map<String, Object> payload) {
    return h.createUpdate(
            """
            INSERT INTO outbox (kind, destination, idempotency_key, payload)
            VALUES (:kind, :destination, :key, CAST(:payload AS jsonb))
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .bind("kind", kind)
        .bind("destination", item.accountId())
        .bind("key", kind + ":" + item.id())
        .bind("payload", json(payload))
        .execute();
  }
}
