package uk.nhs.triage.adapters.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/** One mention, reply or quote notification as a {@link Comment}. */
final class BlueskyNotificationReader {
  private final String accountId;

  BlueskyNotificationReader(String accountId) {
    this.accountId = accountId;
  }

  /**
   * The server's time, used for the watermark; the post's own {@code createdAt} is what its
   * author's app claims.
   *
   * @throws IllegalArgumentException when the notification has no uri or readable indexedAt
   */
  static Instant indexedAt(JsonNode notification) {
    String uri = uri(notification);
    String indexed = text(notification, "indexedAt");
    if (indexed == null) {
      throw new IllegalArgumentException("notification " + uri + " has no indexedAt");
    }
    return instant(indexed, "notification " + uri + " indexedAt");
  }

  static String uri(JsonNode notification) {
    String uri = text(notification, "uri");
    if (uri == null) {
      throw new IllegalArgumentException("a notification has no uri");
    }
    return uri;
  }

  Comment read(JsonNode notification) {
    String uri = uri(notification);
    JsonNode record = notification.path("record");
    JsonNode authorJson = notification.path("author");
    String handle = text(authorJson, "handle");
    String claimed = text(record, "createdAt");
    Instant created;
    try {
      created = claimed == null ? indexedAt(notification) : Instant.parse(claimed);
    } catch (DateTimeParseException e) {
      created = indexedAt(notification);
    }
    String parent = text(record.path("reply").path("parent"), "uri");
    return new Comment(
        BlueskyNotificationsAdapter.PLATFORM,
        uri,
        accountId,
        new Author(text(authorJson, "did"), handle, text(authorJson, "displayName")),
        record.path("text").asText(""),
        created,
        handle == null ? null : "https://bsky.app/profile/" + handle + "/post/" + rkey(uri),
        parent != null ? parent : text(notification, "reasonSubject"),
        notification.toString());
  }

  /** The record key: the last segment of {@code at://did/collection/rkey}. */
  static String rkey(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  private static Instant instant(String value, String what) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " '" + value + "' is not an ISO instant", e);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }
}
