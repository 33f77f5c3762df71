package uk.nhs.triage.adapters.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AccountStatsSource;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.ReplyTarget;
import uk.nhs.triage.adapters.ReplyText;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.http.PlatformHttp;
import uk.nhs.triage.adapters.paging.MaxPages;
import uk.nhs.triage.adapters.paging.PageWalk;
import uk.nhs.triage.adapters.stats.JsonNumbers;
import uk.nhs.triage.adapters.stats.PostTally;
import uk.nhs.triage.adapters.watermark.Watermark;
import uk.nhs.triage.adapters.watermark.WatermarkPage;

/**
 * Comments on a YouTube channel's videos and the channel itself ({@code commentThreads} with {@code
 * allThreadsRelatedToChannelId}). YouTube has no "since": threads come newest first and the poll
 * stops at the first page that reaches the {@link Watermark} saved as the cursor. All pages of one
 * poll are read before anything is returned, so a failure half-way moves nothing.
 *
 * <p>Replies to a thread older than the watermark are seen only while that thread is on a page the
 * poll reads; YouTube does not document whether a new reply moves a thread up.
 *
 * <p>Secrets: {@code api_key} (reading only) or {@code oauth_token} (reading, replying, hiding).
 * Options: {@code channel_id} (default: the account's handle), {@code max_pages} (default 10).
 */
public final class YouTubeCommentsAdapter
    implements SourceAdapter, ReplyTarget, AccountStatsSource {
  static final String PLATFORM = "youtube";
  private static final String DEFAULT_BASE_URL = "https://www.googleapis.com";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String accountId;
  private final String channelId;
  private final HttpUrl base;
  private final String apiKey;
  private final String oauthToken;
  private final int maxPages;
  private final PlatformHttp http;
  private final YouTubeErrors errors;
  private final YouTubeCommentReader reader;
  private final Clock clock;

  public YouTubeCommentsAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** The clock says when a spent daily quota comes back. */
  public YouTubeCommentsAdapter(AccountSettings settings, Clock clock) {
    this.accountId = settings.id();
    this.channelId = settings.options().getOrDefault("channel_id", settings.handle());
    if (channelId == null || channelId.isBlank()) {
      throw new IllegalArgumentException(
          "youtube account " + accountId + ": needs a channel id (handle or option channel_id)");
    }
    this.base = baseUrl(accountId, settings.baseUrl());
    this.apiKey = settings.secrets().get("api_key");
    this.oauthToken = settings.secrets().get("oauth_token");
    if (apiKey == null && oauthToken == null) {
      throw new IllegalArgumentException(
          "youtube account " + accountId + ": needs secret api_key or oauth_token");
    }
    this.maxPages = MaxPages.parse("account " + accountId, settings.options().get("max_pages"));
    this.http = new PlatformHttp(accountId, settings.timeout());
    this.errors = new YouTubeErrors(clock);
    this.reader = new YouTubeCommentReader(accountId);
    this.clock = clock;
  }

  /**
   * Subscribers ({@code channels?part=statistics}; null when the channel hides them) and the
   * uploads of the last weeks, newest first from the channel's uploads playlist.
   */
  @Override
  public AccountStats stats() throws AdapterException {
    JsonNode channels =
        get(
            api("channels")
                .addQueryParameter("part", "snippet,statistics,contentDetails")
                .addQueryParameter("id", channelId));
    JsonNode channel = null;
    for (JsonNode item : items(channels, "channels")) {
      channel = channel == null ? item : channel;
    }
    if (channel == null) {
      throw new AdapterException(
          "account " + accountId + ": YouTube knows no channel " + channelId);
    }
    JsonNode statistics = channel.path("statistics");
    Integer subscribers =
        statistics.path("hiddenSubscriberCount").asBoolean(false)
            ? null
            : JsonNumbers.integerOrNull(statistics.get("subscriberCount"));
    Instant opened = JsonNumbers.instantOrNull(channel.path("snippet").path("publishedAt"));
    String uploads =
        channel.path("contentDetails").path("relatedPlaylists").path("uploads").asText("");
    if (uploads.isEmpty()) {
      return new AccountStats(subscribers, null, null, opened);
    }
    PostTally tally = new PostTally(clock.instant());
    PageWalk.walk(
        PostTally.MAX_PAGES,
        pageToken -> {
          JsonNode page =
              getPage(
                  api("playlistItems")
                      .addQueryParameter("part", "contentDetails")
                      .addQueryParameter("playlistId", uploads)
                      .addQueryParameter("maxResults", "50"),
                  pageToken);
          boolean inWindow = true;
          for (JsonNode item : items(page, "playlistItems")) {
            inWindow &=
                tally.add(
                    JsonNumbers.instantOrNull(
                        item.path("contentDetails").path("videoPublishedAt")));
          }
          return inWindow ? page.path("nextPageToken").asText(null) : null;
        });
    return tally.stats(subscribers, opened);
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    Watermark mark = Watermark.parse(cursor, "youtube account " + accountId);
    Map<String, WatermarkPage.Read> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    PageWalk.Walk walk =
        PageWalk.walk(
            maxPages,
            pageToken -> {
              JsonNode page =
                  getPage(
                      api("commentThreads")
                          .addQueryParameter("part", "snippet,replies")
                          .addQueryParameter("allThreadsRelatedToChannelId", channelId)
                          .addQueryParameter("order", "time")
                          .addQueryParameter("maxResults", "100")
                          .addQueryParameter("textFormat", "html"),
                      pageToken);
              boolean reachedWatermark = false;
              for (JsonNode thread : items(page, "commentThreads")) {
                reachedWatermark |= !readThread(thread, mark, found, problems);
              }
              return reachedWatermark ? null : page.path("nextPageToken").asText(null);
            });
    if (walk.unread() != null && mark.at() != null) {
      problems.add(MaxPages.stoppedAfter(accountId, walk.pages(), "new comments"));
    }
    return WatermarkPage.of(found.values(), mark, cursor, problems);
  }

  /** Reads a thread's comments into {@code found}; false when its top comment was read before. */
  private boolean readThread(
      JsonNode thread, Watermark mark, Map<String, WatermarkPage.Read> found, List<String> problems)
      throws AdapterException {
    JsonNode snippet = thread.path("snippet");
    Seen top = consider(snippet.path("topLevelComment"), mark, found, problems);
    JsonNode replies = thread.path("replies").path("comments");
    boolean replyIsNew = false;
    for (JsonNode reply : replies) {
      replyIsNew |= consider(reply, mark, found, problems) == Seen.NEW;
    }
    // commentThreads carries only some replies; fetch the rest when the thread shows activity.
    if ((top == Seen.NEW || replyIsNew)
        && snippet.path("totalReplyCount").asInt(0) > replies.size()) {
      for (JsonNode reply : allReplies(thread.path("id").asText())) {
        consider(reply, mark, found, problems);
      }
    }
    return top != Seen.BEFORE;
  }

  private List<JsonNode> allReplies(String threadId) throws AdapterException {
    List<JsonNode> replies = new ArrayList<>();
    PageWalk.walk(
        maxPages,
        pageToken -> {
          JsonNode page =
              getPage(
                  api("comments")
                      .addQueryParameter("part", "snippet")
                      .addQueryParameter("parentId", threadId)
                      .addQueryParameter("maxResults", "100")
                      .addQueryParameter("textFormat", "html"),
                  pageToken);
          items(page, "comments").forEach(replies::add);
          return page.path("nextPageToken").asText(null);
        });
    return replies;
  }

  /** A comment that cannot be read is reported and passed over. */
  private Seen consider(
      JsonNode json, Watermark mark, Map<String, WatermarkPage.Read> found, List<String> problems) {
    if (json.isMissingNode()) {
      return Seen.UNREADABLE;
    }
    try {
      Comment comment = reader.read(json);
      if (!mark.isNew(comment.createdAt(), comment.externalId())) {
        return Seen.BEFORE;
      }
      // Our own replies are read past, not triaged.
      boolean ours = channelId.equals(YouTubeCommentReader.authorChannelId(json));
      found.putIfAbsent(
          comment.externalId(), new WatermarkPage.Read(comment.createdAt(), comment, !ours));
      return Seen.NEW;
    } catch (IllegalArgumentException e) {
      problems.add("account " + accountId + ": " + e.getMessage() + "; passed over");
      return Seen.UNREADABLE;
    }
  }

  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    requireOAuth("reply");
    ObjectNode body = JSON.createObjectNode();
    ObjectNode snippet = body.putObject("snippet");
    snippet.put("parentId", threadOf(comment.externalId()));
    snippet.put("textOriginal", text);
    Request request =
        authorised(api("comments").addQueryParameter("part", "snippet"))
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .build();
    JsonNode answer = http.send(request, errors).body();
    String id = answer.path("id").asText("");
    if (id.isBlank()) {
      throw new MalformedPageException(
          "account " + accountId + ": YouTube accepted the reply but gave no id", null);
    }
    return id;
  }

  /**
   * Reads the replies in the comment's thread ({@code comments?parentId=}, plain text) for one
   * written by this channel ({@code authorChannelId}) whose {@code textOriginal} (shown to its
   * author) is the same text.
   */
  @Override
  public Optional<String> findOwnReply(Comment comment, String text) throws AdapterException {
    String[] found = new String[1];
    PageWalk.walk(
        ReplyText.LOOKUP_PAGES,
        pageToken -> {
          JsonNode page =
              getPage(
                  api("comments")
                      .addQueryParameter("part", "snippet")
                      .addQueryParameter("parentId", threadOf(comment.externalId()))
                      .addQueryParameter("maxResults", "100")
                      .addQueryParameter("textFormat", "plainText"),
                  pageToken);
          for (JsonNode reply : items(page, "comments")) {
            JsonNode snippet = reply.path("snippet");
            String written = snippet.path("textOriginal").asText(null);
            String id = reply.path("id").asText("");
            if (!id.isEmpty()
                && channelId.equals(YouTubeCommentReader.authorChannelId(reply))
                && ReplyText.same(
                    text, written != null ? written : snippet.path("textDisplay").asText(null))) {
              found[0] = id;
              return null;
            }
          }
          return page.path("nextPageToken").asText(null);
        });
    return Optional.ofNullable(found[0]);
  }

  /** Holds the comment for review: it disappears from public view until someone publishes it. */
  @Override
  public void hide(Comment comment) throws AdapterException {
    requireOAuth("hide");
    Request request =
        authorised(
                api("comments/setModerationStatus")
                    .addQueryParameter("id", comment.externalId())
                    .addQueryParameter("moderationStatus", "heldForReview"))
            .post(RequestBody.create(new byte[0], null))
            .build();
    http.sendWrite(request, errors);
  }

  /**
   * A reply's id is {@code <thread id>.<suffix>}; YouTube threads replies under the top comment.
   */
  private static String threadOf(String commentId) {
    int dot = commentId.indexOf('.');
    return dot < 0 ? commentId : commentId.substring(0, dot);
  }

  private void requireOAuth(String what) throws AuthFailedException {
    if (oauthToken == null) {
      throw new AuthFailedException(
          "youtube account " + accountId + ": " + what + " needs the oauth_token secret");
    }
  }

  private JsonNode get(HttpUrl.Builder url) throws AdapterException {
    return http.send(authorised(url).get().build(), errors).body();
  }

  /** GETs one page of a list: the first when {@code pageToken} is null. */
  private JsonNode getPage(HttpUrl.Builder url, String pageToken) throws AdapterException {
    if (pageToken != null) {
      url.addQueryParameter("pageToken", pageToken);
    }
    return get(url);
  }

  private Iterable<JsonNode> items(JsonNode page, String what) throws MalformedPageException {
    JsonNode items = page.path("items");
    if (items.isMissingNode()) {
      return List.of();
    }
    if (!items.isArray()) {
      throw new MalformedPageException(
          "account " + accountId + ": " + what + " answer has \"items\" that is not a list", null);
    }
    return items;
  }

  private Request.Builder authorised(HttpUrl.Builder url) {
    Request.Builder request = new Request.Builder().header("Accept", "application/json");
    if (oauthToken != null) {
      request.header("Authorization", "Bearer " + oauthToken);
    } else {
      url.addQueryParameter("key", apiKey);
    }
    return request.url(url.build());
  }

  private HttpUrl.Builder api(String method) {
    return base.newBuilder().addPathSegments("youtube/v3").addPathSegments(method);
  }

  private static HttpUrl baseUrl(String accountId, String configured) {
    HttpUrl url = HttpUrl.parse(configured == null ? DEFAULT_BASE_URL : configured);
    if (url == null) {
      throw new IllegalArgumentException(
          "youtube account " + accountId + ": base URL '" + configured + "' is not a URL");
    }
    return url;
  }

  private enum Seen {
    NEW,
    BEFORE,
    UNREADABLE
  }
}
