package uk.nhs.triage.adapters.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Mentions, replies and quotes of a Bluesky account, from its notifications. Bluesky has no
 * "since": notifications come newest first and the poll pages towards older ones until it reaches
 * the {@link Watermark} (server {@code indexedAt} plus the uris read at that time) saved as the
 * cursor. All pages of one poll are read before anything is returned, so a failure half-way moves
 * nothing. The read/seen state is left alone: people using the account share it.
 *
 * <p>Secrets: {@code access_jwt}, or {@code identifier} and {@code app_password}. Options: {@code
 * did} (the repo replies are written to; default: the session's DID, else the handle), {@code
 * max_pages} (default 10).
 */
public final class BlueskyNotificationsAdapter
    implements SourceAdapter, ReplyTarget, AccountStatsSource {
  static final String PLATFORM = "bluesky";
  private static final String DEFAULT_BASE_URL = "https://bsky.social";
  private static final Set<String> KEPT_REASONS = Set.of("mention", "reply", "quote");
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String accountId;
  private final String handle;
  private final String repoDid;
  private final HttpUrl base;
  private final int maxPages;
  private final Clock clock;
  private final PlatformHttp http;
  private final BlueskyErrors errors;
  private final BlueskySession session;
  private final BlueskyNotificationReader reader;

  public BlueskyNotificationsAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** The clock stamps replies and stands in for a missing rate-limit reset. */
  public BlueskyNotificationsAdapter(AccountSettings settings, Clock clock) {
    this.accountId = settings.id();
    this.handle = settings.handle();
    this.repoDid = settings.options().get("did");
    this.clock = clock;
    HttpUrl url = HttpUrl.parse(settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl());
    if (url == null) {
      throw new IllegalArgumentException(
          "bluesky account " + accountId + ": base URL '" + settings.baseUrl() + "' is not a URL");
    }
    this.base = url;
    this.maxPages =
        MaxPages.parse("bluesky account " + accountId, settings.options().get("max_pages"));
    this.http = new PlatformHttp(accountId, settings.timeout());
    this.errors = new BlueskyErrors(clock);
    String jwt = settings.secrets().get("access_jwt");
    String identifier = settings.secrets().getOrDefault("identifier", handle);
    String password = settings.secrets().get("app_password");
    if (jwt == null && (identifier == null || password == null)) {
      throw new IllegalArgumentException(
          "bluesky account "
              + accountId
              + ": needs secret access_jwt, or identifier (or handle) and app_password");
    }
    this.session = new BlueskySession(accountId, jwt, identifier, password, base, http, errors);
    this.reader = new BlueskyNotificationReader(accountId);
  }

  /**
   * Followers from {@code app.bsky.actor.getProfile}, and the account's own posts (no replies; a
   * repost or the pinned post carries a {@code reason} and is skipped) from {@code
   * app.bsky.feed.getAuthorFeed}, newest first.
   */
  @Override
  public AccountStats stats() throws AdapterException {
    String actor = repoDid != null ? repoDid : handle;
    JsonNode profile =
        get(
            base.newBuilder()
                .addPathSegments("xrpc/app.bsky.actor.getProfile")
                .addQueryParameter("actor", actor)
                .build());
    PostTally tally = new PostTally(clock.instant());
    PageWalk.walk(
        PostTally.MAX_PAGES,
        pageCursor -> {
          HttpUrl.Builder url =
              base.newBuilder()
                  .addPathSegments("xrpc/app.bsky.feed.getAuthorFeed")
                  .addQueryParameter("actor", actor)
                  .addQueryParameter("filter", "posts_no_replies")
                  .addQueryParameter("limit", "100");
          if (pageCursor != null) {
            url.addQueryParameter("cursor", pageCursor);
          }
          JsonNode page = get(url.build());
          if (!page.path("feed").isArray()) {
            throw new MalformedPageException(
                "account " + accountId + ": getAuthorFeed answer has no \"feed\" list", null);
          }
          boolean inWindow = true;
          for (JsonNode item : page.path("feed")) {
            if (item.hasNonNull("reason")) {
              continue;
            }
            JsonNode post = item.path("post");
            Instant at = JsonNumbers.instantOrNull(post.path("record").path("createdAt"));
            inWindow &=
                tally.add(at != null ? at : JsonNumbers.instantOrNull(post.path("indexedAt")));
          }
          return inWindow ? page.path("cursor").asText(null) : null;
        });
    return tally.stats(
        JsonNumbers.integerOrNull(profile.get("followersCount")),
        JsonNumbers.instantOrNull(profile.path("createdAt")));
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    Watermark mark = Watermark.parse(cursor, "bluesky account " + accountId);
    List<WatermarkPage.Read> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    PageWalk.Walk walk =
        PageWalk.walk(
            maxPages,
            pageCursor -> {
              HttpUrl.Builder url =
                  base.newBuilder()
                      .addPathSegments("xrpc/app.bsky.notification.listNotifications")
                      .addQueryParameter("limit", "100");
              if (pageCursor != null) {
                url.addQueryParameter("cursor", pageCursor);
              }
              JsonNode page = get(url.build());
              boolean reachedWatermark = readNotifications(page, mark, found, problems);
              return reachedWatermark ? null : page.path("cursor").asText(null);
            });
    if (walk.unread() != null && mark.at() != null) {
      problems.add(MaxPages.stoppedAfter(accountId, walk.pages(), "notifications"));
    }
    return WatermarkPage.of(found, mark, cursor, problems);
  }

  /** Reads a page's notifications into {@code found}; true once one was read before. */
  private boolean readNotifications(
      JsonNode page, Watermark mark, List<WatermarkPage.Read> found, List<String> problems)
      throws MalformedPageException {
    JsonNode notifications = page.path("notifications");
    if (!notifications.isArray()) {
      throw new MalformedPageException(
          "account " + accountId + ": listNotifications answer has no \"notifications\" list",
          null);
    }
    for (JsonNode notification : notifications) {
      try {
        Instant indexedAt = BlueskyNotificationReader.indexedAt(notification);
        String uri = BlueskyNotificationReader.uri(notification);
        if (!mark.isNew(indexedAt, uri)) {
          return true;
        }
        if (KEPT_REASONS.contains(notification.path("reason").asText())) {
          found.add(new WatermarkPage.Read(indexedAt, reader.read(notification), true));
        }
      } catch (IllegalArgumentException e) {
        problems.add("account " + accountId + ": " + e.getMessage() + "; passed over");
      }
    }
    return false;
  }

  /** Posts a reply in the comment's thread; returns the new post's at:// uri. */
  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    JsonNode notification = rawNotification(comment);
    ObjectNode parent = strongRef(comment.externalId(), notification.path("cid").asText(null));
    JsonNode root = notification.path("record").path("reply").path("root");
    ObjectNode record = JSON.createObjectNode();
    record.put("$type", "app.bsky.feed.post");
    record.put("text", text);
    record.put("createdAt", clock.instant().toString());
    ObjectNode reply = record.putObject("reply");
    reply.set("root", root.isObject() ? root.deepCopy() : parent);
    reply.set("parent", parent);
    JsonNode created =
        withSession(
            () -> {
              ObjectNode body = JSON.createObjectNode();
              body.put("repo", repo());
              body.put("collection", "app.bsky.feed.post");
              body.set("record", record);
              return post("xrpc/com.atproto.repo.createRecord", body);
            });
    String uri = created.path("uri").asText("");
    if (uri.isBlank()) {
      throw new MalformedPageException(
          "account " + accountId + ": createRecord accepted the reply but gave no uri", null);
    }
    return uri;
  }

  /**
   * Reads the comment's direct replies ({@code app.bsky.feed.getPostThread}, depth 1) for one whose
   * author is this account (its DID, or its handle when the DID is not known) with the same text;
   * returns its at:// uri, as {@link #reply} does.
   */
  @Override
  public Optional<String> findOwnReply(Comment comment, String text) throws AdapterException {
    JsonNode answer =
        get(
            base.newBuilder()
                .addPathSegments("xrpc/app.bsky.feed.getPostThread")
                .addQueryParameter("uri", comment.externalId())
                .addQueryParameter("depth", "1")
                .addQueryParameter("parentHeight", "0")
                .build());
    JsonNode replies = answer.path("thread").path("replies");
    if (!answer.path("thread").isObject() || (!replies.isMissingNode() && !replies.isArray())) {
      throw new MalformedPageException(
          "account " + accountId + ": getPostThread answer has no \"thread\" with a replies list",
          null);
    }
    String ownDid = repo();
    for (JsonNode reply : replies) {
      JsonNode post = reply.path("post");
      JsonNode author = post.path("author");
      String uri = post.path("uri").asText("");
      boolean ours =
          ownDid.equals(author.path("did").asText(null))
              || (handle != null && handle.equalsIgnoreCase(author.path("handle").asText("")));
      if (!uri.isEmpty()
          && ours
          && ReplyText.same(text, post.path("record").path("text").asText(null))) {
        return Optional.of(uri);
      }
    }
    return Optional.empty();
  }

  @Override
  public void hide(Comment comment) throws AdapterException {
    throw new AdapterException(
        "bluesky account "
            + accountId
            + ": Bluesky cannot hide other people's posts; mute or report "
            + comment.externalId()
            + " in the app");
  }

  private JsonNode rawNotification(Comment comment) throws AdapterException {
    try {
      JsonNode raw = comment.rawPayload() == null ? null : JSON.readTree(comment.rawPayload());
      if (raw != null && raw.path("cid").isTextual()) {
        return raw;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // reported below
    }
    throw new AdapterException(
        "bluesky account "
            + accountId
            + ": cannot reply to "
            + comment.externalId()
            + ", its saved notification has no cid");
  }

  private static ObjectNode strongRef(String uri, String cid) {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("uri", uri);
    ref.put("cid", cid);
    return ref;
  }

  private String repo() {
    if (repoDid != null) {
      return repoDid;
    }
    String did = session.did();
    return did != null ? did : handle;
  }

  private JsonNode get(HttpUrl url) throws AdapterException {
    return withSession(
        () ->
            http.send(
                    new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer " + session.accessJwt())
                        .get()
                        .build(),
                    errors)
                .body());
  }

  private JsonNode post(String method, JsonNode body) throws AdapterException {
    Request request =
        new Request.Builder()
            .url(base.newBuilder().addPathSegments(method).build())
            .header("Authorization", "Bearer " + session.accessJwt())
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .build();
    return http.send(request, errors).body();
  }

  /** An app-password session that expired is opened again once; a fixed token is not. */
  private JsonNode withSession(Call call) throws AdapterException {
    boolean wasOpen = session.isOpen();
    try {
      return call.run();
    } catch (AuthFailedException e) {
      if (!session.renewable() || !wasOpen) {
        throw e;
      }
      session.forget();
      return call.run();
    }
  }

  @FunctionalInterface
  private interface Call {
    JsonNode run() throws AdapterException;
  }
}
