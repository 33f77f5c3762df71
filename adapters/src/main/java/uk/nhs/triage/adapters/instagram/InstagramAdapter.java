package uk.nhs.triage.adapters.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AccountStatsSource;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.ReplyTarget;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.graph.GraphAccount;
import uk.nhs.triage.adapters.graph.GraphPoll;
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

  private final GraphAccount account;
  private String username;

  public InstagramAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public InstagramAdapter(AccountSettings settings, Clock clock) {
    this.account = new GraphAccount(settings, TOKEN, clock);
  }

  /** Followers and own media, for the account-health checks. */
  @Override
  public AccountStats stats() throws AdapterException {
    return account.stats(new String[] {"followers_count"}, "media", "timestamp");
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    GraphPoll poll = account.startPoll(cursor);
    List<Media> recentMedia =
        account.recentPosts(
            "media",
            "id,timestamp,permalink,comments_count",
            poll,
            "account " + account.handle() + ": a media without an id was passed over",
            InstagramAdapter::media);
    for (Media media : recentMedia) {
      if (media.commentsCount() == 0) {
        continue;
      }
      account
          .graph()
          .forEach(
              media.id() + "/comments",
              Map.of("fields", InstagramComments.FIELDS, "limit", account.pageSize()),
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

  private static Media media(JsonNode item) {
    String permalink = item.path("permalink").asText("");
    return new Media(
        item.path("id").asText(""),
        permalink.isEmpty() ? null : permalink,
        item.path("comments_count").asLong(-1));
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
    account
        .graph()
        .forEach(
            parentId + "/replies",
            Map.of("fields", InstagramComments.REPLY_FIELDS, "limit", account.pageSize()),
            after,
            reply -> {
              read(reply, media, parentId, poll);
              return true;
            });
  }

  private Comment read(JsonNode item, Media media, String parentId, GraphPoll poll) {
    String[] problem = new String[1];
    Comment comment = InstagramComments.toComment(item, account.id(), media, parentId, problem);
    if (comment == null) {
      poll.problem(problem[0]);
    } else {
      poll.offer(comment);
    }
    return comment;
  }

  /**
   * Instagram takes replies only on top-level comments, so an answer to a reply goes to its
   * top-level comment. Graph has no idempotency key: a retry asks {@link #findOwnReply} first.
   */
  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    return account.postReply(
        GraphAccount.threadOf(comment, "/parent_id") + "/replies", text, "reply");
  }

  /**
   * Reads the replies under the top-level comment the reply went to ({@code
   * /{ig-comment-id}/replies}) for one from this account with the same text. A comment's {@code
   * from.id} is an Instagram-scoped id that need not equal the account's IG user id, so the
   * account's username (read once, {@code /{ig-user-id}?fields=username}) is matched too.
   */
  @Override
  public Optional<String> findOwnReply(Comment comment, String text) throws AdapterException {
    String own = ownUsername();
    return account.findOwnReply(
        GraphAccount.threadOf(comment, "/parent_id") + "/replies",
        Map.of("fields", "id,text,username,from{id,username}"),
        item -> {
          JsonNode from = item.path("from");
          String username = from.path("username").asText(item.path("username").asText(""));
          return account.handle().equals(from.path("id").asText(null))
              || (!own.isEmpty() && own.equalsIgnoreCase(username));
        },
        "text",
        text);
  }

  private synchronized String ownUsername() throws AdapterException {
    if (username == null) {
      username =
          account
              .graph()
              .get(account.handle(), Map.of("fields", "username"))
              .path("username")
              .asText("");
    }
    return username;
  }

  @Override
  public void hide(Comment comment) throws AdapterException {
    account.hide(comment, "hide");
  }
}
