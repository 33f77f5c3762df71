package uk.nhs.triage.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;

/**
 * The cursor of a Graph account (Facebook or Instagram).
 *
 * <p>Graph has no since-id for comments and its paging cursors go stale when an item is deleted, so
 * the stored cursor is a time watermark plus the ids seen near it:
 *
 * <pre>{"newest":"2024-06-02T10:05:13Z","seen":{"881200000000501":"2024-06-02T10:05:13Z"}}</pre>
 *
 * <p>{@code newest} is the latest {@code created_time} of any comment returned so far; {@code seen}
 * holds every returned comment created in the overlap before it (and at it). A comment is new when
 * it was created at or after {@code newest - overlap} and its id is not in {@code seen}: so
 * comments in the same second as the watermark are neither lost nor repeated, and a comment Graph
 * shows a little late (inside the overlap) is still picked up. With no cursor (first poll) the
 * watermark is the start of the look-back window and nothing is seen.
 */
public final class Watermark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Instant newest;
  private final Map<String, Instant> seen;
  private final Instant from;
  private final Duration overlap;

  private Watermark(Instant newest, Map<String, Instant> seen, Instant from, Duration overlap) {
    this.newest = newest;
    this.seen = seen;
    this.from = from;
    this.overlap = overlap;
  }

  /**
   * @param cursor the stored cursor, or null on the first poll
   * @param firstPollFrom where the first poll starts (the look-back window)
   * @param overlap how far before {@code newest} comments are still looked for
   */
  public static Watermark parse(
      String cursor, String accountId, Instant firstPollFrom, Duration overlap)
      throws AdapterException {
    if (cursor == null || cursor.isBlank()) {
      return new Watermark(null, new TreeMap<>(), firstPollFrom, overlap);
    }
    try {
      JsonNode root = JSON.readTree(cursor);
      Instant newest = Instant.parse(root.path("newest").asText());
      Map<String, Instant> seen = new TreeMap<>();
      for (Map.Entry<String, JsonNode> field : root.path("seen").properties()) {
        seen.put(field.getKey(), Instant.parse(field.getValue().asText()));
      }
      return new Watermark(newest, seen, newest.minus(overlap), overlap);
    } catch (IOException | DateTimeParseException e) {
      throw new AdapterException(
          "account "
              + accountId
              + ": the stored cursor is not a Graph watermark ({\"newest\":...,\"seen\":{...}}): "
              + e.getMessage(),
          e);
    }
  }

  /** True for a comment this account has not returned before. */
  public boolean isNew(String id, Instant createdAt) {
    return !createdAt.isBefore(from) && !seen.containsKey(id);
  }

  /** True when everything created at this time or before is already known. */
  public boolean isBehind(Instant createdAt) {
    return createdAt.isBefore(from);
  }

  /** The cursor that covers exactly the comments given, on top of this one. */
  public String advance(List<Comment> returned) {
    Instant latest = newest;
    for (Comment comment : returned) {
      if (latest == null || comment.createdAt().isAfter(latest)) {
        latest = comment.createdAt();
      }
    }
    if (latest == null) {
      return null;
    }
    Instant keepFrom = latest.minus(overlap);
    Map<String, Instant> kept = new TreeMap<>();
    seen.forEach((id, at) -> keep(kept, id, at, keepFrom));
    returned.forEach(c -> keep(kept, c.externalId(), c.createdAt(), keepFrom));
    ObjectNode root = JSON.createObjectNode();
    root.put("newest", latest.toString());
    ObjectNode seenNode = root.putObject("seen");
    kept.forEach((id, at) -> seenNode.put(id, at.toString()));
    return root.toString();
  }

  private static void keep(Map<String, Instant> kept, String id, Instant at, Instant keepFrom) {
    if (!at.isBefore(keepFrom)) {
      kept.put(id, at);
    }
  }
}
