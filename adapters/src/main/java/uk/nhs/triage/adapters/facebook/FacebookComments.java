package uk.nhs.triage.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.graph.GraphDates;

/** A Facebook comment's JSON as a {@link Comment}. */
final class FacebookComments {
  static final String PLATFORM = "facebook";

  /** The comment fields asked for; {@code from} is absent when the token may not see the user. */
  static final String FIELDS = "id,message,from{id,name},created_time,parent{id},permalink_url";

  private FacebookComments() {}

  /**
   * @return the comment, or null (with the reason in {@code problem[0]}) when it cannot be read
   */
  static Comment toComment(JsonNode item, String accountId, String postId, String[] problem) {
    String id = item.path("id").asText("");
    if (id.isEmpty()) {
      problem[0] = "post " + postId + ": a comment without an id was passed over";
      return null;
    }
    Instant createdAt = GraphDates.parseOrNull(item.path("created_time").asText(null));
    if (createdAt == null) {
      problem[0] =
          "post "
              + postId
              + ", comment "
              + id
              + ": created_time '"
              + item.path("created_time").asText("")
              + "' is not a Graph date; passed over";
      return null;
    }
    JsonNode from = item.path("from");
    Author author =
        from.isObject() ? new Author(text(from, "id"), null, text(from, "name")) : Author.UNKNOWN;
    String parent = text(item.path("parent"), "id");
    return new Comment(
        PLATFORM,
        id,
        accountId,
        author,
        item.path("message").asText(""),
        createdAt,
        text(item, "permalink_url"),
        parent != null ? parent : postId,
        item.toString());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }
}
