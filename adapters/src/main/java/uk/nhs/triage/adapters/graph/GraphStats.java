package uk.nhs.triage.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.stats.JsonNumbers;
import uk.nhs.triage.adapters.stats.PostTally;

/**
 * A Page's or Instagram account's health figures: its follower count from the object itself and its
 * own posts from an edge that lists them newest first ({@code posts} or {@code media}).
 */
public final class GraphStats {
  private GraphStats() {}

  /**
   * @param followerFields the object's fields to ask for, first non-null one wins
   * @param postsEdge the edge listing the account's own posts, newest first
   * @param timeField each post's publication time field
   */
  public static AccountStats read(
      GraphClient graph,
      String objectId,
      String[] followerFields,
      String postsEdge,
      String timeField,
      Instant now)
      throws AdapterException {
    JsonNode object = graph.get(objectId, Map.of("fields", String.join(",", followerFields)));
    Integer followers = null;
    for (String field : followerFields) {
      if (followers == null) {
        followers = JsonNumbers.integerOrNull(object.get(field));
      }
    }
    PostTally tally = new PostTally(now);
    graph.forEach(
        objectId + "/" + postsEdge,
        Map.of("fields", "id," + timeField, "limit", "100"),
        null,
        post -> tally.add(GraphDates.parseOrNull(post.path(timeField).asText(null))));
    return tally.stats(followers, null);
  }
}
