package uk.nhs.triage.adapters.instagram;

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
 * Comments and replies on an Instagram professional account's own media ({@code settings.handle()}
 * is the IG user id, the token is the secret {@code access_token}; the base URL defaults to
 * graph.facebook.com, set it to graph.instagram.com for Instagram Login tokens).
 *
 * <p>Each poll lists the media published within the look-back window ({@code
 * /{ig-user-id}/media?since=}), skips media whose {@code comments_count} is 0, and reads every page
 * of each media's comments with their replies nested (further reply pages from {@code
 * /{comment-id}/replies}). The comments edge has no order or since, so the {@link Watermark} (the
 * cursor, as described there) picks out what is new. A poll reads every page or throws.
 */
public final class InstagramAdapter implements SourceAdapter, ReplyTarget, AccountStatsSource {
  static final String TOKEN = "access_token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AccountSettings settings;
  private final GraphOptions options;
  private final GraphClient graph;
  private final Clock clock;

  public InstagramAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public InstagramAdapter(AccountSettings settings, Clock clock) {
    this.settings = settings;
    this.options = GraphOptions.of(settings);
    this.clock = clock;
    this.graph = new GraphClient(settings, TOKEN, clock, options.backoff());
  }

  /** Followers and own media, for the account-health checks. */
  @Override
  public AccountStats stats() throws AdapterException {
    return GraphStats.read(
        graph,
        settings.handle(),
        new String[] {"followers_count"},
        "media",
        "timestamp",
        clock.instant());
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    Instant windowStart = clock.instant().minus(options.lookback());
    Watermark watermark = Watermark.parse(cursor, settings.id(), windowStart, options.overlap());
    GraphPoll poll = new GraphPoll(watermark);
    for (Media media : recentMedia(windowStart, poll)) {
      if (media.commentsCount() == 0) {
        continue;
      }
      graph.forEach(
          media.id() + "/comments",
          Map.of("fields", InstagramComments.FIELDS, "limit", String.valueOf(options.pageSize())),
          null,
          item -> {
            Comment comment = read(item, media, null, poll);
            if (comment != null) {
              readReplies(item.path("replies"), media, comment.externalId(), poll);
            }
            return true;
          });
    }
    return poll.page();
  }

  private void readReplies(JsonNode replies, Media media, String parentId, GraphPoll poll)
      throws AdapterException {
    for (JsonNode reply : replies.path("data")) {
      read(reply, media, parentId, poll);
    }
    String next = replies.path("paging").path("next").asText("");
    String after = replies.path("paging").path("cursors").path("after").asText("");
    if (next.isEmpty() || after.isEmpty()) {
      return;
    }
    graph.forEach(
        parentId + "/replies",
        Map.of(
            "fields", InstagramComments.REPLY_FIELDS, "limit", String.valueOf(options.pageSize())),
        after,
        reply -> {
          read(reply, media, parentId, poll);
          return true;
        });
  }

  private Comment read(JsonNode item, Media media, String parentId, GraphPoll poll) {
    String[] problem = new String[1];
    Comment comment = InstagramComments.toComment(item, settings.id(), media, parentId, problem);
    if (comment == null) {
      poll.problem(problem[0]);
    } else {
      poll.offer(comment);
    }
    return comment;
  }

  private List<Media> recentMedia(Instant windowStart, GraphPoll poll) throws AdapterException {
    List<Media> media = new ArrayList<>();
    graph.forEach(
        settings.handle() + "/media",
        Map.of(
            "fields", "id,timestamp,permalink,comments_count",
            "since", String.valueOf(windowStart.getEpochSecond()),
            "limit", String.valueOf(options.pageSize())),
        null,
        item -> {
          String id = item.path("id").asText("");
          if (id.isEmpty()) {
            poll.problem(
                "account " + settings.handle() + ": a media without an id was passed over");
          } else {
            String permalink = item.path("permalink").asText("");
            media.add(
                new Media(
                    id,
                    permalink.isEmpty() ? null : permalink,
                    item.path("comments_count").asLong(-1)));
          }
          return true;
        });
    return media;
  }

  /**
   * Instagram takes replies only on top-level comments, so an answer to a reply goes to its
   * top-level comment. Graph has no idempotency key; the outbox sends once.
   */
  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    String path = topLevelOf(comment) + "/replies";
    JsonNode answer = graph.post(path, Map.of("message", text));
    String id = answer.path("id").asText("");
    if (id.isEmpty()) {
      throw new MalformedPageException(
          graph.what("POST", path) + " answered without the new reply's id", null);
    }
    return id;
  }

  @Override
  public void hide(Comment comment) throws AdapterException {
    String path = comment.externalId();
    JsonNode answer = graph.post(path, Map.of("hide", "true"));
    if (!answer.path("success").asBoolean(false)) {
      throw new AdapterException(
          graph.what("POST", path) + " did not confirm the comment is hidden");
    }
  }

  private static String topLevelOf(Comment comment) {
    if (comment.rawPayload() != null) {
      try {
        String parent = JSON.readTree(comment.rawPayload()).path("parent_id").asText("");
        if (!parent.isEmpty()) {
          return parent;
        }
      } catch (IOException e) {
        // not our JSON: the comment itself is the best target left
      }
    }
    return comment.externalId();
  }
}
