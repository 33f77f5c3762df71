package uk.nhs.triage.bot.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything held about one social media handle, for a subject access request: the author's running
 * history, their comments as received, what the bot made of them, the triage items with their notes
 * and audit trail, and any FOI case or media enquiry that came from them.
 */
public final class SubjectAccessExport {
  private static final String THEIR_COMMENTS =
      "SELECT id FROM comment WHERE lower(author_handle) = :handle OR author_key IN"
          + " (SELECT author_key FROM author WHERE lower(handle) = :handle)";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  public SubjectAccessExport(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  public ObjectNode export(String handle) {
    String key = handle.startsWith("@") ? handle.substring(1) : handle;
    String lower = key.toLowerCase(Locale.ROOT);
    return jdbi.withHandle(
        h -> {
          ObjectNode out = json.createObjectNode();
          out.put("handle", key);
          out.set(
              "authors",
              json.valueToTree(
                  rows(h, "SELECT * FROM author WHERE lower(handle) = :handle", lower)));
          out.set(
              "comments",
              json.valueToTree(
                  rows(
                      h,
                      "SELECT * FROM comment WHERE id IN (" + THEIR_COMMENTS + ") ORDER BY id",
                      lower)));
          out.set(
              "classifications",
              json.valueToTree(
                  rows(
                      h,
                      "SELECT comment_id, labels, review_labels, scores,"
                          + " evidence_with_rules(rules_version, evidence) AS evidence,"
                          + " rules_version, classified_at"
                          + " FROM classification WHERE comment_id IN ("
                          + THEIR_COMMENTS
                          + ")",
                      lower)));
          out.set(
              "triage_items",
              json.valueToTree(
                  rows(
                      h,
                      "SELECT * FROM triage_item WHERE comment_id IN ("
                          + THEIR_COMMENTS
                          + ") ORDER BY id",
                      lower)));
          out.set(
              "foi_cases",
              json.valueToTree(
                  rows(
                      h,
                      "SELECT * FROM foi_case WHERE comment_id IN (" + THEIR_COMMENTS + ")",
                      lower)));
          out.set(
              "media_enquiries",
              json.valueToTree(
                  rows(
                      h,
                      "SELECT * FROM media_enquiry WHERE comment_id IN (" + THEIR_COMMENTS + ")",
                      lower)));
          out.set(
              "audit_trail",
              json.valueToTree(
                  rows(
                      h,
                      "SELECT * FROM audit_log WHERE entity = 'triage_item' AND entity_id IN"
                          + " (SELECT id::text FROM triage_item WHERE comment_id IN ("
                          + THEIR_COMMENTS
                          + ")) ORDER BY id",
                      lower)));
          return out;
        });
  }

  private static List<Map<String, Object>> rows(Handle h, String sql, String handle) {
    return h.createQuery(sql).bind("handle", handle).mapToMap().list().stream()
        .map(SubjectAccessExport::readable)
        .toList();
  }

  /** JSON and array columns as their text, so the export reads as plain JSON. */
  private static Map<String, Object> readable(Map<String, Object> row) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    row.forEach(
        (column, value) -> {
          if (value instanceof java.sql.Array array) {
            try {
              out.put(column, array.getArray());
            } catch (java.sql.SQLException e) {
              out.put(column, String.valueOf(value));
            }
          } else if (value instanceof org.postgresql.util.PGobject object) {
            out.put(column, object.getValue());
          } else if (value instanceof java.sql.Timestamp
              || value instanceof java.time.temporal.Temporal
              || value instanceof java.sql.Date) {
            out.put(column, String.valueOf(value));
          } else {
            out.put(column, value);
          }
        });
    return out;
  }
}
