package uk.nhs.triage.adapters.facebook;

import static uk.nhs.triage.adapters.graph.GraphComments.text;

import com.fasterxml.jackson.databind.JsonNode;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.graph.GraphComments;

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
    GraphComments.Head head = GraphComments.head(item, "post " + postId, "created_time", problem);
    if (head == null) {
      return null;
    }
    JsonNode from = item.path("from");
    Author author =
        from.isObject() ? new Author(text(from, "id"), null, text(from, "name")) : Author.UNKNOWN;
    String parent = text(item.path("parent"), "id");
    return new Comment(
        PLATFORM,
        head.id(),
        accountId,
        author,
        item.path("message").asText(""),
        head.createdAt(),
        text(item, "permalink_url"),
        parent != null ? parent : postId,
        item.toString());
  }
}
