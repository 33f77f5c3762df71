package uk.nhs.triage.adapters.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import twitter4j.HttpParameter;
import twitter4j.HttpRequest;
import twitter4j.RequestMethod;
import twitter4j.auth.Authorization;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.ReplyText;
import uk.nhs.triage.adapters.http.PlatformHttp;

/**
 * Finds a reply our account already posted to a post: our own timeline ({@code GET
 * /2/users/:id/tweets}) since that post ({@code since_id}: X ids grow with time, so a reply is
 * always newer than what it answers), newest first, for a post that {@code replied_to} it with the
 * same text. X shortens links to t.co and escapes {@code & < >} in {@code text}, so both are undone
 * from the post's {@code entities} before comparing.
 */
final class XOwnReplies {
  private final String accountId;
  private final long userId;
  private final PlatformHttp http;
  private final XErrors errors;

  XOwnReplies(String accountId, long userId, PlatformHttp http, XErrors errors) {
    this.accountId = accountId;
    this.userId = userId;
    this.http = http;
    this.errors = errors;
  }

  Optional<String> find(XConnection.Client client, long inReplyTo, String text)
      throws AdapterException {
    String target = Long.toString(inReplyTo);
    String next = null;
    int pages = 0;
    do {
      HttpUrl.Builder url =
          timeline(client)
              .addQueryParameter("since_id", target)
              .addQueryParameter("exclude", "retweets")
              .addQueryParameter("max_results", "100")
              .addQueryParameter("tweet.fields", "author_id,referenced_tweets,entities");
      if (next != null) {
        url.addQueryParameter("pagination_token", next);
      }
      JsonNode page = get(client, url.build());
      JsonNode data = page.path("data");
      if (!data.isMissingNode() && !data.isArray()) {
        throw new MalformedPageException(
            "account "
                + accountId
                + ": GET /2/users/"
                + userId
                + "/tweets answered \"data\""
                + " that is not a list",
            null);
      }
      for (JsonNode tweet : data) {
        String id = tweet.path("id").asText("");
        if (!id.isEmpty()
            && ours(tweet)
            && repliesTo(tweet, target)
            && ReplyText.same(text, asWritten(tweet))) {
          return Optional.of(id);
        }
      }
      next = page.path("meta").path("next_token").asText(null);
      pages++;
    } while (next != null && pages < ReplyText.LOOKUP_PAGES);
    return Optional.empty();
  }

  private boolean ours(JsonNode tweet) {
    String author = tweet.path("author_id").asText("");
    return author.isEmpty() || author.equals(Long.toString(userId));
  }

  private static boolean repliesTo(JsonNode tweet, String target) {
    for (JsonNode ref : tweet.path("referenced_tweets")) {
      if ("replied_to".equals(ref.path("type").asText())
          && target.equals(ref.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  /** The text as we sent it: t.co links back to what they stand for, entities unescaped. */
  static String asWritten(JsonNode tweet) {
    String text = tweet.path("text").asText(null);
    if (text == null) {
      return null;
    }
    for (JsonNode link : tweet.path("entities").path("urls")) {
      String shortened = link.path("url").asText("");
      String expanded = link.path("expanded_url").asText("");
      if (!shortened.isEmpty() && !expanded.isEmpty()) {
        text = text.replace(shortened, expanded);
      }
    }
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private HttpUrl.Builder timeline(XConnection.Client client) throws AdapterException {
    HttpUrl root = HttpUrl.parse(client.apiRoot());
    if (root == null) {
      throw new AdapterException("account " + accountId + ": base URL is not a URL");
    }
    return root.newBuilder()
        .addPathSegments("2/users")
        .addPathSegment(Long.toString(userId))
        .addPathSegment("tweets");
  }

  private JsonNode get(XConnection.Client client, HttpUrl url) throws AdapterException {
    Authorization auth = client.twitter().getAuthorization();
    String header =
        auth.getAuthorizationHeader(
            new HttpRequest(
                RequestMethod.GET, url.toString(), new HttpParameter[0], auth, Map.of()));
    Request request = new Request.Builder().url(url).header("Authorization", header).get().build();
    return http.send(request, errors).body();
  }
}
