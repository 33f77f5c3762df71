package uk.nhs.triage.adapters.twitter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import twitter4j.CreateTweetResponse;
import twitter4j.ErrorInfo;
import twitter4j.PaginationToken;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.TwitterV2;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AccountStatsSource;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.ReplyTarget;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.http.PlatformHttp;
import uk.nhs.triage.adapters.paging.MaxPages;

/**
 * Posts that mention an X account, from its mention timeline ({@code GET /2/users/:id/mentions})
 * through twitter4j-v2. The cursor is the id of the newest mention read; X returns only newer ones
 * ({@code since_id}), newest first, in pages. All pages of one poll are read before anything is
 * returned, so a poll that fails half-way moves nothing and the next one asks again.
 *
 * <p>Secrets: {@code bearer_token}, and for replying and hiding as the account {@code
 * consumer_key}, {@code consumer_secret}, {@code access_token}, {@code access_token_secret}.
 * Options: {@code user_id} (our account's numeric id, required), {@code max_pages} (default 10: X
 * serves only the latest 800 mentions).
 */
public final class XMentionsAdapter implements SourceAdapter, ReplyTarget, AccountStatsSource {
  static final String PLATFORM = "x";
  private static final String TWEET_FIELDS =
      "created_at,author_id,conversation_id,referenced_tweets,lang";
  private static final String USER_FIELDS = "id,name,username";

  private final String accountId;
  private final long userId;
  private final int maxPages;
  private final AccountSettings settings;
  private final XErrors errors;
  private final XMentionReader reader;
  private final XHiddenReplies hiddenReplies;
  private final XAccountStats accountStats;
  private final XOwnReplies ownReplies;
  private final Clock clock;
  private XConnection.Client readClient;
  private XConnection.Client writeClient;

  public XMentionsAdapter(AccountSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** The clock stands in for a rate-limit reset X did not send. */
  public XMentionsAdapter(AccountSettings settings, Clock clock) {
    this.settings = settings;
    this.accountId = settings.id();
    this.userId = userId(settings);
    this.maxPages = MaxPages.parse("x account " + accountId, settings.options().get("max_pages"));
    if (!XConnection.hasCredentials(settings.secrets())) {
      throw new IllegalArgumentException(
          "x account "
              + accountId
              + ": needs secret bearer_token, or consumer_key, consumer_secret, access_token and"
              + " access_token_secret");
    }
    this.errors = new XErrors(clock);
    this.reader = new XMentionReader(accountId);
    PlatformHttp http = new PlatformHttp(accountId, settings.timeout());
    this.hiddenReplies = new XHiddenReplies(accountId, http, errors);
    this.accountStats = new XAccountStats(accountId, userId, http, errors);
    this.ownReplies = new XOwnReplies(accountId, userId, http, errors);
    this.clock = clock;
  }

  /** Followers and own original posts, for the account-health checks. */
  @Override
  public AccountStats stats() throws AdapterException {
    return accountStats.read(reader(), clock.instant());
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    Long sinceId = sinceId(cursor);
    TwitterV2 client = reader().v2();
    List<Comment> comments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long newest = sinceId == null ? 0 : sinceId;
    PaginationToken next = null;
    int pages = 0;
    do {
      TweetsResponse page = mentions(client, sinceId, next);
      Map<String, String> raw = XMentionReader.rawTweets(page);
      for (Tweet tweet : page.getTweets()) {
        newest = Math.max(newest, tweet.getId());
        // Our own posts that tag the account are not the public's.
        if (tweet.getAuthorId() == null || tweet.getAuthorId() != userId) {
          comments.add(reader.read(tweet, page.getUsersMap(), raw));
        }
      }
      for (ErrorInfo error : page.getErrors()) {
        problems.add("account " + accountId + ": X reported " + describe(error));
      }
      next = page.getMeta() == null ? null : page.getMeta().getNextToken();
      pages++;
    } while (next != null && pages < maxPages);
    if (next != null) {
      problems.add(MaxPages.stoppedAfter(accountId, pages, "mentions"));
    }
    comments.sort(Comparator.comparing((Comment c) -> Long.parseLong(c.externalId())));
    String nextCursor = sinceId != null && newest == sinceId ? cursor : cursorOf(newest);
    return new Page(comments, nextCursor, false, problems);
  }

  private TweetsResponse mentions(TwitterV2 client, Long sinceId, PaginationToken next)
      throws AdapterException {
    String what = "account " + accountId + ": GET /2/users/" + userId + "/mentions";
    try {
      TweetsResponse page =
          client.getUserMentions(
              userId,
              null,
              "author_id",
              100,
              null,
              next,
              null,
              null,
              sinceId,
              null,
              TWEET_FIELDS,
              null,
              USER_FIELDS);
      if (page == null || page.getTweets() == null) {
        throw new MalformedPageException(what + " answered without a list of posts", null);
      }
      return page;
    } catch (AdapterException e) {
      throw e;
    } catch (StackOverflowError e) {
      // twitter4j's JSON parser recurses once per nesting level: a hostile page must not take
      // the poll thread down with it.
      throw new MalformedPageException(what + " answered JSON nested too deeply to read", null);
    } catch (Exception e) {
      throw errors.failure(e, what);
    }
  }

  @Override
  public String reply(Comment comment, String text, String idempotencyKey) throws AdapterException {
    long inReplyTo = tweetId(comment);
    String what = "account " + accountId + ": POST /2/tweets in reply to " + inReplyTo;
    try {
      CreateTweetResponse created =
          writer()
              .v2()
              .createTweet(
                  null, null, null, null, null, null, null, null, null, inReplyTo, null, text);
      return Long.toString(created.getId());
    } catch (Exception e) {
      throw errors.failure(e, what);
    }
  }

  /** Our own posts since the comment, for one that replies to it with the same text. */
  @Override
  public Optional<String> findOwnReply(Comment comment, String text) throws AdapterException {
    return ownReplies.find(reader(), tweetId(comment), text);
  }

  /** Hides a reply to one of our posts (X can hide replies only, not mentions elsewhere). */
  @Override
  public void hide(Comment comment) throws AdapterException {
    hiddenReplies.hide(writer(), tweetId(comment));
  }

  private synchronized XConnection.Client reader() {
    if (readClient == null) {
      readClient = XConnection.reader(settings);
    }
    return readClient;
  }

  private synchronized XConnection.Client writer() {
    if (writeClient == null) {
      writeClient = XConnection.writer(settings);
    }
    return writeClient;
  }

  private long tweetId(Comment comment) throws AdapterException {
    try {
      return Long.parseLong(comment.externalId());
    } catch (NumberFormatException e) {
      throw new AdapterException(
          "x account " + accountId + ": '" + comment.externalId() + "' is not a post id");
    }
  }

  private static String describe(ErrorInfo error) {
    String title = error.getTitle() == null ? "an error" : error.getTitle();
    return error.getDetail() == null ? title : title + ": " + error.getDetail();
  }

  private static String cursorOf(long newest) {
    return newest == 0 ? null : Long.toString(newest);
  }

  private Long sinceId(String cursor) throws AdapterException {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(cursor.strip());
    } catch (NumberFormatException e) {
      throw new AdapterException(
          "x account " + accountId + ": cursor '" + cursor + "' is not a post id");
    }
  }

  private static long userId(AccountSettings settings) {
    String value = settings.options().get("user_id");
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "x account "
              + settings.id()
              + ": option user_id must be the account's numeric X id, was "
              + value);
    }
  }
}
