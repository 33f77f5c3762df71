package uk.nhs.triage.bot.web.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import uk.nhs.triage.bot.routing.Queue;

/** The queue and item pages' reads, and the changes a team member makes to an item. */
public final class ItemQueries {
  public static final List<String> STATUSES =
      List.of("new", "in_progress", "waiting", "done", "dismissed");

  private final Jdbi jdbi;
  private final ObjectMapper mapper;

  public ItemQueries(Jdbi jdbi, ObjectMapper mapper) {
    this.jdbi = jdbi;
    this.mapper = mapper;
  }

  /** Items the filter selects among the given queues, most urgent first, then soonest due. */
  public List<ItemRow> list(ItemFilter filter, Collection<Queue> visible, int limit) {
    return page(filter, visible, limit, null);
  }

  /**
   * Up to {@code limit} items in the queue's order next to the cursor: after it, or before it (in
   * the queue's order all the same); from the top when the cursor is null. The queue's order is
   * priority, then due-by with none last, then id: the V7 index walks it from the cursor on.
   */
  public List<ItemRow> page(
      ItemFilter filter, Collection<Queue> visible, int limit, QueueCursor cursor) {
    List<String> queues =
        visible.stream()
            .filter(q -> filter.queue() == null || filter.queue() == q)
            .map(Queue::name)
            .toList();
    if (queues.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT t.id, c.platform, c.account_id, c.author_handle, c.text,
                   coalesce(cl.labels, '{}') AS labels, t.queues, t.priority::text AS priority,
                   t.due_by, t.status, t.assignee,
                   (t.due_by < now() AND t.status NOT IN ('done', 'dismissed')) AS overdue
              FROM triage_item t
              JOIN comment c ON c.id = t.comment_id
              LEFT JOIN classification cl ON cl.comment_id = c.id
             WHERE t.queues && CAST(:queues AS text[])
            """);
    if ("open".equals(filter.status())) {
      sql.append(" AND t.status NOT IN ('done', 'dismissed')");
    } else if (!"all".equals(filter.status())) {
      sql.append(" AND t.status = :status");
    }
    if (filter.label() != null) {
      sql.append(" AND cl.labels @> ARRAY[CAST(:label AS text)]");
    }
    if (filter.platform() != null) {
      sql.append(" AND c.platform = :platform");
    }
    if (filter.account() != null) {
      sql.append(" AND c.account_id = :account");
    }
    boolean backwards = cursor != null && cursor.before();
    if (cursor != null) {
      sql.append(
          " AND (t.priority, coalesce(t.due_by, 'infinity'), t.id)"
              + (backwards ? " < " : " > ")
              + "(CAST(:cursorPriority AS triage_priority),"
              + " coalesce(CAST(:cursorDue AS timestamptz), 'infinity'), :cursorId)");
    }
    String direction = backwards ? " DESC" : "";
    sql.append(" ORDER BY t.priority")
        .append(direction)
        .append(", coalesce(t.due_by, 'infinity')")
        .append(direction)
        .append(", t.id")
        .append(direction)
        .append(" LIMIT :limit");
    List<ItemRow> rows = query(sql.toString(), filter, queues, limit, cursor);
    if (backwards) {
      List<ItemRow> inOrder = new ArrayList<>(rows);
      java.util.Collections.reverse(inOrder);
      return inOrder;
    }
    return rows;
  }

  private List<ItemRow> query(
      String sql, ItemFilter filter, List<String> queues, int limit, QueueCursor cursor) {
    return jdbi.withHandle(
        h -> {
          Query query =
              h.createQuery(sql).bindArray("queues", String.class, queues).bind("limit", limit);
          if (cursor != null) {
            query
                .bind("cursorPriority", cursor.priority().name())
                .bindByType(
                    "cursorDue",
                    cursor.dueBy() == null
                        ? null
                        : OffsetDateTime.ofInstant(cursor.dueBy(), java.time.ZoneOffset.UTC),
                    OffsetDateTime.class)
                .bind("cursorId", cursor.id());
          }
          if (!"open".equals(filter.status()) && !"all".equals(filter.status())) {
            query.bind("status", filter.status());
          }
          if (filter.label() != null) {
            query.bind("label", filter.label());
          }
          if (filter.platform() != null) {
            query.bind("platform", filter.platform());
          }
          if (filter.account() != null) {
            query.bind("account", filter.account());
          }
          return query
              .map(
                  (rs, ctx) ->
                      new ItemRow(
                          rs.getLong("id"),
                          rs.getString("platform"),
                          rs.getString("account_id"),
                          rs.getString("author_handle"),
                          rs.getString("text"),
                          strings(rs.getArray("labels")),
                          strings(rs.getArray("queues")),
                          rs.getString("priority"),
                          instant(rs, "due_by"),
                          rs.getString("status"),
                          rs.getString("assignee"),
                          rs.getBoolean("overdue")))
              .list();
        });
  }

  /** Distinct values for the filter drop-downs. */
  public List<String> distinct(String column) {
    String sql =
        switch (column) {
          // A skip scan over the (platform, external_id) index: a few index probes, not a pass
          // over every comment.
          case "platform" ->
              """
              WITH RECURSIVE p AS (
                SELECT min(platform) AS v FROM comment
                UNION ALL
                SELECT (SELECT min(platform) FROM comment WHERE platform > p.v) FROM p
                 WHERE p.v IS NOT NULL)
              SELECT v FROM p WHERE v IS NOT NULL ORDER BY 1
              """;
          case "account" -> "SELECT id FROM account ORDER BY 1";
          default -> throw new IllegalArgumentException(column);
        };
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  public Optional<ItemDetail> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT t.*, t.priority::text AS priority_text, c.platform, c.external_id,
                           c.account_id, c.author_key, c.author_handle, c.author_name, c.text,
                           coalesce(c.created_at, c.fetched_at) AS posted_at, c.url,
                           coalesce(cl.labels, '{}') AS labels,
                           coalesce(cl.review_labels, '{}') AS review_labels,
                           evidence_with_rules(cl.rules_version, cl.evidence) AS evidence,
                           EXISTS (SELECT 1 FROM media_enquiry m WHERE m.comment_id = c.id) AS media
                      FROM triage_item t
                      JOIN comment c ON c.id = t.comment_id
                      LEFT JOIN classification cl ON cl.comment_id = c.id
                     WHERE t.id = :id
                    """)
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new ItemDetail(
                            rs.getLong("id"),
                            rs.getLong("comment_id"),
                            rs.getString("platform"),
                            rs.getString("external_id"),
                            rs.getString("account_id"),
                            rs.getString("author_key"),
                            rs.getString("author_handle"),
                            rs.getString("author_name"),
                            rs.getString("text"),
                            instant(rs, "posted_at"),
                            rs.getString("url"),
                            strings(rs.getArray("labels")),
                            strings(rs.getArray("review_labels")),
                            json(rs.getString("evidence")),
                            strings(rs.getArray("queues")).stream()
                                .flatMap(q -> queue(q).stream())
                                .toList(),
                            strings(rs.getArray("actions")),
                            rs.getString("priority_text"),
                            instant(rs, "due_by"),
                            rs.getString("status"),
                            rs.getString("assignee"),
                            rs.getString("notes"),
                            rs.getString("reply_draft"),
                            json(rs.getString("decision")),
                            rs.getBoolean("media"),
                            instant(rs, "created_at")))
                .findOne());
  }

  /** An earlier comment by the same author, with its labels and triage item. */
  public record AuthorComment(Long itemId, Instant at, String text, List<String> labels) {}

  /** The author's other comments on the platform, newest first. */
  public List<AuthorComment> authorHistory(ItemDetail item, int limit) {
    if (item.authorKey() == null) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT t.id AS item_id, coalesce(c.created_at, c.fetched_at) AS at, c.text,
                           coalesce(cl.labels, '{}') AS labels
                      FROM comment c
                      LEFT JOIN classification cl ON cl.comment_id = c.id
                      LEFT JOIN triage_item t ON t.comment_id = c.id
                     WHERE c.platform = :platform AND c.author_key = :key AND c.id <> :id
                     ORDER BY at DESC, c.id DESC
                     LIMIT :limit
                    """)
                .bind("platform", item.platform())
                .bind("key", item.authorKey())
                .bind("id", item.commentId())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new AuthorComment(
                            (Long) rs.getObject("item_id"),
                            instant(rs, "at"),
                            rs.getString("text"),
                            strings(rs.getArray("labels"))))
                .list());
  }

  /** What the author table knows: comments, negative and offensive counts. */
  public record AuthorTotals(int comments, int negative, int offensive) {}

  public Optional<AuthorTotals> authorTotals(ItemDetail item) {
    if (item.authorKey() == null) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT comment_count, negative_count, offensive_count FROM author"
                        + " WHERE platform = :p AND author_key = :k")
                .bind("p", item.platform())
                .bind("k", item.authorKey())
                .map(
                    (rs, ctx) ->
                        new AuthorTotals(
                            rs.getInt("comment_count"),
                            rs.getInt("negative_count"),
                            rs.getInt("offensive_count")))
                .findOne());
  }

  /** One row of an item's audit trail. */
  public record AuditRow(Instant at, String actor, String action, String detail) {}

  public List<AuditRow> audit(long itemId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT at, actor, action, detail::text AS detail FROM audit_log
                     WHERE entity = 'triage_item' AND entity_id = :id
                     ORDER BY at, id
                    """)
                .bind("id", Long.toString(itemId))
                .map(
                    (rs, ctx) ->
                        new AuditRow(
                            instant(rs, "at"),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("detail")))
                .list());
  }

  public void setStatus(long id, String status, String actor) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status '" + status + "'");
    }
    change(id, "status", status, "triage_item.status", actor);
  }

  public void assign(long id, String assignee, String actor) {
    change(id, "assignee", assignee, "triage_item.assigned", actor);
  }

  public void saveDraft(long id, String draft, String actor) {
    change(id, "reply_draft", draft, "triage_item.reply_edited", actor);
  }

  /** Notes are added to, never rewritten: each one is stamped with who wrote it and when. */
  public void addNote(long id, String note, String actor) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  UPDATE triage_item
                     SET notes = concat_ws(E'\\n', notes,
                                 to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
                                 || ' UTC ' || :actor || ': ' || :note),
                         updated_at = now()
                   WHERE id = :id
                  """)
              .bind("id", id)
              .bind("actor", actor)
              .bind("note", note)
              .execute();
          audit(h, actor, "triage_item.note_added", id, Map.of("note", note));
        });
  }

  private void change(long id, String column, String value, String action, String actor) {
    jdbi.useTransaction(
        h -> {
          String before =
              h.createQuery("SELECT " + column + " FROM triage_item WHERE id = :id FOR UPDATE")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          h.createUpdate(
                  "UPDATE triage_item SET " + column + " = :v, updated_at = now() WHERE id = :id")
              .bind("v", value)
              .bind("id", id)
              .execute();
          Map<String, Object> detail = new java.util.LinkedHashMap<>();
          detail.put("from", before);
          detail.put("to", value);
          audit(h, actor, action, id, detail);
        });
  }

  /** Writes one audit row for a triage item, inside the caller's transaction. */
  public void audit(Handle h, String actor, String action, long itemId, Map<String, ?> detail) {
    try {
      h.createUpdate(
              """
              INSERT INTO audit_log (actor, action, entity, entity_id, detail)
              VALUES (:actor, :action, 'triage_item', :id, CAST(:detail AS jsonb))
              """)
          .bind("actor", actor)
          .bind("action", action)
          .bind("id", Long.toString(itemId))
          .bind("detail", mapper.writeValueAsString(detail))
          .execute();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail is not JSON: " + e.getMessage(), e);
    }
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text == null ? "{}" : text);
    } catch (JsonProcessingException e) {
      return mapper.createObjectNode();
    }
  }

  private static Optional<Queue> queue(String name) {
    try {
      return Optional.of(Queue.valueOf(name));
    } catch (IllegalArgumentException retired) {
      return Optional.empty();
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }
}
