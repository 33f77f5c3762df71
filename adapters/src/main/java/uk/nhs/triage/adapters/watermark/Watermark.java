package uk.nhs.triage.adapters.watermark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import uk.nhs.triage.adapters.AdapterException;

/**
 * How far a platform without a "since" parameter has been read: the newest time seen and the ids
 * seen at exactly that time. Such platforms page newest first by time and can return several items
 * with the same time, so the time alone would either repeat or lose items; the ids settle the tie.
 *
 * <p>As a cursor it is JSON: {@code {"at":"2024-06-02T10:20:00Z","ids":["a","b"]}}.
 *
 * @param at the newest time read, or null when nothing has been read yet
 * @param idsAt the ids of the items read whose time is exactly {@code at}
 */
public record Watermark(Instant at, Set<String> idsAt) {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final Watermark NONE = new Watermark(null, Set.of());

  public Watermark {
    idsAt = Set.copyOf(idsAt);
  }

  /** True when an item at this time with this id has not been read yet. */
  public boolean isNew(Instant time, String id) {
    if (at == null) {
      return true;
    }
    int order = time.compareTo(at);
    return order > 0 || (order == 0 && !idsAt.contains(id));
  }

  /** This watermark moved past one more item read. */
  public Watermark advance(Instant time, String id) {
    if (at == null || time.isAfter(at)) {
      return new Watermark(time, Set.of(id));
    }
    if (time.equals(at)) {
      Set<String> ids = new TreeSet<>(idsAt);
      ids.add(id);
      return new Watermark(at, ids);
    }
    return this;
  }

  public String toCursor() {
    if (at == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("at", at.toString());
    new TreeSet<>(idsAt).forEach(node.putArray("ids")::add);
    return node.toString();
  }

  /**
   * Reads a cursor saved by {@link #toCursor()}.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static Watermark parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return NONE;
    }
    try {
      JsonNode node = JSON.readTree(cursor);
      JsonNode at = node.path("at");
      if (!at.isTextual()) {
        throw new IllegalArgumentException("cursor has no \"at\" time");
      }
      Set<String> ids = new TreeSet<>();
      node.path("ids").forEach(id -> ids.add(id.asText()));
      return new Watermark(Instant.parse(at.asText()), ids);
    } catch (JsonProcessingException | DateTimeParseException e) {
      throw new IllegalArgumentException("cursor is not a watermark: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a stored cursor as {@link #parse(String)} does, for a poll.
   *
   * @param account the account as a message names it (e.g. {@code bluesky account bs-main})
   * @throws AdapterException naming the account and what is wrong with the cursor
   */
  public static Watermark parse(String cursor, String account) throws AdapterException {
    try {
      return parse(cursor);
    } catch (IllegalArgumentException e) {
      throw new AdapterException(account + ": " + e.getMessage(), e);
    }
  }
}
