package uk.nhs.triage.adapters.instagram;

import static uk.nhs.triage.adapters.graph.GraphComments.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.graph.GraphComments;

/** An Instagram comment's JSON as a {@link Comment}. */
final class InstagramComments {
  static final String PLATFORM = "instagram";

  /** A reply's fields; also what the {@code /replies} edge is asked for. */
  static final String REPLY_FIELDS = "id,text,timestamp,username,from{id,username},parent_id";

  /** A top-level comment's fields, with the first page of its replies nested. */
  static final String FIELDS = REPLY_FIELDS + ",replies{" + REPLY_FIELDS + "}";

  private InstagramComments() {}

  /**
   * @param media the media commented on: its id and permalink
   * @param parentId the top-level comment a nested reply sits under, or null
   * @return the comment, or null (with the reason in {@code problem[0]}) when it cannot be read
   */
  static Comment toComment(
      JsonNode item, String accountId, Media media, String parentId, String[] problem) {
    GraphComments.Head head = GraphComments.head(item, "media " + media.id(), "timestamp", problem);
    if (head == null) {
      return null;
    }
    JsonNode from = item.path("from");
    String username =
        text(from, "username") != null ? text(from, "username") : text(item, "username");
    Author author =
        from.isObject() || username != null
            ? new Author(text(from, "id"), username, null)
            : Author.UNKNOWN;
    String parent = text(item, "parent_id") != null ? text(item, "parent_id") : parentId;
    JsonNode raw = item;
    if (item.has("replies") && item.isObject()) {
      raw = ((ObjectNode) item.deepCopy()).without("replies");
    }
    return new Comment(
        PLATFORM,
        head.id(),
        accountId,
        author,
        item.path("text").asText(""),
        head.createdAt(),
        media.permalink(),
        parent != null ? parent : media.id(),
        raw.toString());
  }
}
