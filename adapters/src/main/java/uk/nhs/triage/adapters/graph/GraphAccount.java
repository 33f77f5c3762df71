package uk.nhs.triage.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.ReplyText;

/**
 * One Facebook Page or Instagram account as Graph serves it: its settings and options, the client
 * that holds its token, and what both platforms do the same way (the look-back listing of own
 * posts, stats, posting a reply, hiding). Each adapter keeps only its edges and fields.
 */
public final class GraphAccount {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AccountSettings settings;
  private final GraphOptions options;
  private final GraphClient graph;
  private final Clock clock;

  /**
   * @param tokenName the key in {@link AccountSettings#secrets()} that holds the token
   */
  public GraphAccount(AccountSettings settings, String tokenName, Clock clock) {
    this.settings = settings;
    this.options = GraphOptions.of(settings);
    this.clock = clock;
    this.graph = new GraphClient(settings, tokenName, clock, options.backoff());
  }

  /** Our id for the account. */
  public String id() {
    return settings.id();
  }

  /** The Page id or IG user id. */
  public String handle() {
    return settings.handle();
  }

  public GraphClient graph() {
    return graph;
  }

  /** Graph's {@code limit} per page, as the query wants it. */
  public String pageSize() {
    return String.valueOf(options.pageSize());
  }

  /** A poll that starts at the stored cursor, or at the start of the look-back window. */
  public GraphPoll startPoll(String cursor) throws AdapterException {
    Instant windowStart = clock.instant().minus(options.lookback());
    return new GraphPoll(
        Watermark.parse(cursor, settings.id(), windowStart, options.overlap()), windowStart);
  }

  /**
   * The account's own posts (or media) published since the poll's window start, each as {@code
   * read} makes it; one without an id is noted as {@code noIdProblem} and passed over.
   *
   * @param edge {@code posts} or {@code media}
   */
  public <T> List<T> recentPosts(
      String edge, String fields, GraphPoll poll, String noIdProblem, Function<JsonNode, T> read)
      throws AdapterException {
    List<T> posts = new ArrayList<>();
    graph.forEach(
        settings.handle() + "/" + edge,
        Map.of(
            "fields", fields,
            "since", String.valueOf(poll.windowStart().getEpochSecond()),
            "limit", pageSize()),
        null,
        item -> {
          if (item.path("id").asText("").isEmpty()) {
            poll.problem(noIdProblem);
          } else {
            posts.add(read.apply(item));
          }
          return true;
        });
    return posts;
  }

  /** Followers and own posts, for the account-health checks (see {@link GraphStats#read}). */
  public AccountStats stats(String[] followerFields, String postsEdge, String timeField)
      throws AdapterException {
    return GraphStats.read(
        graph, settings.handle(), followerFields, postsEdge, timeField, clock.instant());
  }

  /**
   * Posts {@code text} to {@code path} and returns the new object's id. Graph has no idempotency
   * key, so a retry looks first ({@link #findOwnReply}).
   *
   * @param created what was created, for the message when the answer has no id
   */
  public String postReply(String path, String text, String created) throws AdapterException {
    JsonNode answer = graph.post(path, Map.of("message", text));
    String id = answer.path("id").asText("");
    if (id.isEmpty()) {
      throw new MalformedPageException(
          graph.what("POST", path) + " answered without the new " + created + "'s id", null);
    }
    return id;
  }

  /**
   * The id of the first item on the {@code path} edge (read with {@code params}, at most {@link
   * ReplyText#LOOKUP_PAGES} pages) that {@code ours} accepts and whose {@code textField} is {@code
   * text}; items without an id are passed over.
   */
  public Optional<String> findOwnReply(
      String path,
      Map<String, String> params,
      Predicate<JsonNode> ours,
      String textField,
      String text)
      throws AdapterException {
    Map<String, String> query = new LinkedHashMap<>(params);
    query.put("limit", pageSize());
    String[] found = new String[1];
    graph.forEachUpTo(
        path,
        query,
        ReplyText.LOOKUP_PAGES,
        item -> {
          String id = item.path("id").asText("");
          if (!id.isEmpty()
              && ours.test(item)
              && ReplyText.same(text, item.path(textField).asText(null))) {
            found[0] = id;
            return false;
          }
          return true;
        });
    return Optional.ofNullable(found[0]);
  }

  /**
   * Hides the comment by setting {@code hideField} on it.
   *
   * @param hideField {@code is_hidden} on Facebook, {@code hide} on Instagram
   */
  public void hide(Comment comment, String hideField) throws AdapterException {
    String path = comment.externalId();
    JsonNode answer = graph.post(path, Map.of(hideField, "true"));
    if (!answer.path("success").asBoolean(false)) {
      throw new AdapterException(
          graph.what("POST", path) + " did not confirm the comment is hidden");
    }
  }

  /**
   * Where an answer to the comment goes: both platforms thread only one level deep, so under a
   * reply it is the top-level comment (read from the saved JSON at {@code parentPointer}), else the
   * comment itself.
   */
  public static String threadOf(Comment comment, String parentPointer) {
    if (comment.rawPayload() != null) {
      try {
        String parent = JSON.readTree(comment.rawPayload()).at(parentPointer).asText("");
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
