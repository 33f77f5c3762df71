package uk.nhs.triage.adapters.facebook;

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

  private final GraphAccount account;

  public FacebookPageAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public FacebookPageAdapter(AccountSettings settings, Clock clock) {
    this.account = new GraphAccount(settings, TOKEN, clock);
  }

  /** Followers and own posts, for the account-health checks. */
  @Override
  public AccountStats stats() throws AdapterException {
    return account.stats(new String[] {"followers_count", "fan_count"}, "posts", "created_time");
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    GraphPoll poll = account.startPoll(cursor);
    List<String> posts =
        account.recentPosts(
            "posts",
            "id,created_time",
            poll,
            "page " + account.handle() + ": a post without an id was passed over",
            item -> item.path("id").asText(""));
    for (String postId : posts) {
      account
          .graph()
          .forEach(
              postId + "/comments",
              Map.of(
                  "filter",
                  "stream",
                  "order",
                  "reverse_chronological",
                  "fields",
                  FacebookComments.FIELDS,
                  "limit",
                  account.pageSize()),
              null,
              item -> {
                String[] problem = new String[1];
                Comment comment = FacebookComments.toComment(item, account.id(), postId, problem);
                if (comment == null) {
                  poll.problem(problem[0]);
                  return true;
                }
                if (poll.isBehind(comment.createdAt())) {
                  return false;
                }
                poll.offer(comment);
                return true;
              });
    }
    return poll.page();
  }

  /**
   * Replies in the comment's thread: under a reply, the answer goes to its top-level comment, as
   * Facebook threads only one level deep. Graph has no idempotency key: a retry asks {@link
   * #findOwnReply} first.
   */
  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    return account.postReply(
        GraphAccount.threadOf(comment, "/parent/id") + "/comments", text, "comment");
  }

  /**
   * Reads the thread the reply went to ({@code /{comment-id}/comments}, newest first) for a comment
   * from this Page ({@code from.id} is the Page id) with the same text.
   */
  @Override
  public Optional<String> findOwnReply(Comment comment, String text) throws AdapterException {
    return account.findOwnReply(
        GraphAccount.threadOf(comment, "/parent/id") + "/comments",
        Map.of("fields", "id,message,from{id}", "order", "reverse_chronological"),
        item -> account.handle().equals(item.path("from").path("id").asText(null)),
        "message",
        text);
  }

  @Override
  public void hide(Comment comment) throws AdapterException {
    account.hide(comment, "is_hidden");
  }
}
