package uk.nhs.triage.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a Facebook and an Instagram comment are read the same way: the id and Graph date each must
 * have, and the optional text fields.
 */
public final class GraphComments {
  private GraphComments() {}

  /** The comment's id and creation time, read before anything else. */
  public record Head(String id, Instant createdAt) {}

  /**
   * @param where the post or media the comment is on, for the problem (e.g. {@code post 123})
   * @param timeField the field holding the creation time ({@code created_time}, {@code timestamp})
   * @return the head, or null (with the reason in {@code problem[0]}) when either is unreadable
   */
  public static Head head(JsonNode item, String where, String timeField, String[] problem) {
    String id = item.path("id").asText("");
    if (id.isEmpty()) {
      problem[0] = where + ": a comment without an id was passed over";
      return null;
    }
    Instant createdAt = GraphDates.parseOrNull(item.path(timeField).asText(null));
    if (createdAt == null) {
      problem[0] =
          where
              + ", comment "
              + id
              + ": "
              + timeField
              + " '"
              + item.path(timeField).asText("")
              + "' is not a Graph date; passed over";
      return null;
    }
    return new Head(id, createdAt);
  }

  /** The field's text, or null when it is absent, null or empty. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }
}
