package uk.nhs.triage.adapters.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/**
 * Reads one line of the replay shape: {@code {"id", "text", "platform", "author": {"id", "handle",
 * "name"}, "created_at", "url", "in_reply_to"}}; only {@code id} and {@code text} are required.
 */
public final class ReplayLineParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String accountId;

  public ReplayLineParser(String accountId) {
    this.accountId = accountId;
  }

  public Comment parse(String line) throws ReplayLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ReplayLineException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ReplayLineException("not a JSON object");
    }
    String id = requiredText(node, "id");
    String text = requiredText(node, "text");
    JsonNode author = node.path("author");
    return new Comment(
        optionalText(node, "platform", "replay"),
        id,
        accountId,
        new Author(
            optionalText(author, "id", null),
            stripAt(optionalText(author, "handle", null)),
            optionalText(author, "name", null)),
        text,
        instant(node, "created_at"),
        optionalText(node, "url", null),
        optionalText(node, "in_reply_to", null),
        line);
  }

  private static String requiredText(JsonNode node, String field) throws ReplayLineException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ReplayLineException("missing \"" + field + "\"");
    }
    if (!value.isValueNode() || value.asText().isEmpty()) {
      throw new ReplayLineException("\"" + field + "\" must be a non-empty string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? fallback : value.asText();
  }

  private static Instant instant(JsonNode node, String field) throws ReplayLineException {
    String value = optionalText(node, field, null);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ReplayLineException("\"" + field + "\" is not an ISO-8601 date-time: " + value);
    }
  }

  private static String stripAt(String handle) {
    return handle != null && handle.startsWith("@") ? handle.substring(1) : handle;
  }
}
