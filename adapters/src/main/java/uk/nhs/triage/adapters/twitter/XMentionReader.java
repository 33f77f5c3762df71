package uk.nhs.triage.adapters.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.parser.Parser;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.TwitterObjectFactory;
import twitter4j.User2;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/** One mention from a page of the mention timeline as a {@link Comment}. */
final class XMentionReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String accountId;

  XMentionReader(String accountId) {
    this.accountId = accountId;
  }

  /** The page's own JSON for each tweet, by id, so the raw payload is what X sent. */
  static Map<String, String> rawTweets(TweetsResponse page) {
    Map<String, String> byId = new HashMap<>();
    String raw = TwitterObjectFactory.getRawJSON(page);
    if (raw == null) {
      return byId;
    }
    try {
      for (JsonNode tweet : JSON.readTree(raw).path("data")) {
        byId.put(tweet.path("id").asText(), tweet.toString());
      }
    } catch (JsonProcessingException e) {
      // twitter4j already parsed this body; without it the payload is only less complete
    }
    return byId;
  }

  Comment read(Tweet tweet, Map<Long, User2> users, Map<String, String> raw) {
    String id = Long.toString(tweet.getId());
    User2 user = tweet.getAuthorId() == null ? null : users.get(tweet.getAuthorId());
    Author author =
        user == null
            ? new Author(
                tweet.getAuthorId() == null ? null : tweet.getAuthorId().toString(), null, null)
            : new Author(Long.toString(user.getId()), user.getScreenName(), user.getName());
    String handle = author.handle() == null ? "i/web" : author.handle();
    return new Comment(
        XMentionsAdapter.PLATFORM,
        id,
        accountId,
        author,
        // X escapes &, < and > in tweet text.
        Parser.unescapeEntities(tweet.getText() == null ? "" : tweet.getText(), false),
        tweet.getCreatedAt() == null ? null : tweet.getCreatedAt().toInstant(),
        "https://x.com/" + handle + "/status/" + id,
        tweet.getRepliedToTweetId() == null ? null : tweet.getRepliedToTweetId().toString(),
        raw.get(id));
  }
}
