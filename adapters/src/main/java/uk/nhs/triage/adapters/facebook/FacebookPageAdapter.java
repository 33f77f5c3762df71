package uk.nhs.triage.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AccountStatsSource;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.ReplyTarget;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.graph.GraphClient;
import uk.nhs.triage.adapters.graph.GraphOptions;
import uk.nhs.triage.adapters.graph.GraphPoll;
import uk.nhs.triage.adapters.graph.GraphStats;
import uk.nhs.triage.adapters.graph.Watermark;

/**
 * Comments and replies on a Facebook Page's own posts ({@code settings.handle()} is the Page id,
 * the token is the secret {@code page_access_token}).
 *
 * <p>Each poll lists the posts published within the look-back window ({@code /{page-id}/posts
 * ?since=}), then reads each post's comments with {@code filter=stream} (replies included, each
 * with its {@code parent}) newest first, stopping at the {@link Watermark}: Graph has no since-id
 * for comments, and newest-first lets a quiet post cost one call. The cursor is the watermark JSON
 * described in {@link Watermark}. A poll reads every page of what is new or throws; it never
 * returns half an edge. Comments on posts older than the look-back window are not seen.
 */
public final class FacebookPageAdapter implements SourceAdapter, ReplyTarget, AccountStatsSource {
  static final String TOKEN = "page_access_token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AccountSettings settings;
  private final GraphOptions options;
  private final GraphClient graph;
  private final Clock clock;

  public FacebookPageAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public FacebookPageAdapter(AccountSettings settings, Clock clock) {
    this.settings = settings;
    this.options = GraphOptions.of(settings);
    this.clock = clock;
    this.graph = new GraphClient(settings, TOKEN, clock, options.backoff());
  }

  /** Followers and own posts, for the account-health checks. */
  @Override
  public AccountStats stats() throws AdapterException {
    return GraphStats.read(
        graph,
        settings.handle(),
        new String[] {"followers_count", "fan_count"},
        "posts",
        "created_time",
        clock.instant());
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    Instant windowStart = clock.instant().minus(options.lookback());
    Watermark watermark = Watermark.parse(cursor, settings.id(), windowStart, options.overlap());
    GraphPoll poll = new GraphPoll(watermark);
    for (String postId : recentPosts(windowStart, poll)) {
      graph.forEach(
          postId + "/comments",
          Map.of(
              "filter",
              "stream",
              "order",
              "reverse_chronological",
              "fields",
              FacebookComments.FIELDS,
              "limit",
              String.valueOf(options.pageSize())),
          null,
          item -> {
            String[] problem = new String[1];
            Comment comment = FacebookComments.toComment(item, settings.id(), postId, problem);
            if (comment == null) {
              poll.problem(problem[0]);
              return true;
            }
            if (watermark.isBehind(comment.createdAt())) {
              return false;
            }
            poll.offer(comment);
            return true;
          });
    }
    return poll.page();
  }

  private List<String> recentPosts(Instant windowStart, GraphPoll poll) throws AdapterException {
    List<String> posts = new ArrayList<>();
    graph.forEach(
        settings.handle() + "/posts",
        Map.of(
            "fields", "id,created_time",
            "since", String.valueOf(windowStart.getEpochSecond()),
            "limit", String.valueOf(options.pageSize())),
        null,
        item -> {
          String id = item.path("id").asText("");
          if (id.isEmpty()) {
            poll.problem("page " + settings.handle() + ": a post without an id was passed over");
          } else {
            posts.add(id);
          }
          return true;
        });
    return posts;
  }

  /**
   * Replies in the comment's thread: under a reply, the answer goes to its top-level comment, as
   * Facebook threads only one level deep. Graph has no idempotency key; the outbox sends once.
   */
  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    String target = parentOf(comment) != null ? parentOf(comment) : comment.externalId();
    String path = target + "/comments";
    JsonNode answer = graph.post(path, Map.of("message", text));
    String id = answer.path("id").asText("");
    if (id.isEmpty()) {
      throw new MalformedPageException(
          graph.what("POST", path) + " answered without the new comment's id", null);
    }
    return id;
  }

  @Override
  public void hide(Comment comment) throws AdapterException {
    String path = comment.externalId();
    JsonNode answer = graph.post(path, Map.of("is_hidden", "true"));
    if (!answer.path("success").asBoolean(false)) {
      throw new AdapterException(
          graph.what("POST", path) + " did not confirm the comment is hidden");
    }
  }

  private static String parentOf(Comment comment) {
    if (comment.rawPayload() == null) {
      return null;
    }
    try {
      String parent = JSON.readTree(comment.rawPayload()).path("parent").path("id").asText("");
      return parent.isEmpty() ? null : parent;
    } catch (IOException e) {
      return null;
    }
  }
}
