package uk.nhs.triage.adapters.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/** One YouTube {@code Comment} resource (top-level or reply) as a {@link Comment}. */
final class YouTubeCommentReader {
  private final String accountId;

  YouTubeCommentReader(String accountId) {
    this.accountId = accountId;
  }

  /**
   * @throws IllegalArgumentException when the comment lacks its id or a readable publishedAt
   */
  Comment read(JsonNode comment) {
    String id = comment.path("id").asText("");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a comment has no id");
    }
    JsonNode snippet = comment.path("snippet");
    Instant published = publishedAt(id, snippet);
    String videoId = text(snippet, "videoId");
    String parentId = text(snippet, "parentId");
    String html = text(snippet, "textDisplay");
    String plain =
        html != null ? HtmlText.toPlain(html) : nullToEmpty(text(snippet, "textOriginal"));
    return new Comment(
        YouTubeCommentsAdapter.PLATFORM,
        id,
        accountId,
        author(snippet),
        plain,
        published,
        videoId == null ? null : "https://www.youtube.com/watch?v=" + videoId + "&lc=" + id,
        parentId != null ? parentId : videoId,
        comment.toString());
  }

  static Instant publishedAt(String id, JsonNode snippet) {
    String published = text(snippet, "publishedAt");
    if (published == null) {
      throw new IllegalArgumentException("comment " + id + " has no publishedAt");
    }
    try {
      return Instant.parse(published);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "comment " + id + " has publishedAt '" + published + "', not an ISO instant", e);
    }
  }

  static String authorChannelId(JsonNode comment) {
    return text(comment.path("snippet").path("authorChannelId"), "value");
  }

  /** YouTube shows handles as the display name ({@code @sam_listens}); older channels have none. */
  private static Author author(JsonNode snippet) {
    String name = text(snippet, "authorDisplayName");
    String handle = null;
    if (name != null && name.startsWith("@")) {
      handle = name.substring(1);
    } else {
      String url = text(snippet, "authorChannelUrl");
      int at = url == null ? -1 : url.lastIndexOf("/@");
      if (at >= 0) {
        handle = url.substring(at + 2);
      }
    }
    return new Author(text(snippet.path("authorChannelId"), "value"), handle, name);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
