package uk.nhs.triage.adapters.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import twitter4j.HttpParameter;
import twitter4j.HttpRequest;
import twitter4j.RequestMethod;
import twitter4j.auth.Authorization;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.http.PlatformHttp;
import uk.nhs.triage.adapters.stats.JsonNumbers;
import uk.nhs.triage.adapters.stats.PostTally;

/**
 * Our account's followers ({@code GET /2/users/:id?user.fields=public_metrics,created_at}) and its
 * own original posts ({@code GET /2/users/:id/tweets?exclude=replies,retweets}, newest first), read
 * with okhttp; the Authorization header comes from twitter4j as for every other call.
 */
final class XAccountStats {
  private final String accountId;
  private final long userId;
  private final PlatformHttp http;
  private final XErrors errors;

  XAccountStats(String accountId, long userId, PlatformHttp http, XErrors errors) {
    this.accountId = accountId;
    this.userId = userId;
    this.http = http;
    this.errors = errors;
  }

  AccountStats read(XConnection.Client client, Instant now) throws AdapterException {
    HttpUrl user =
        users(client).addQueryParameter("user.fields", "public_metrics,created_at").build();
    JsonNode data = get(client, user).path("data");
    if (!data.isObject()) {
      throw new MalformedPageException(
          "account " + accountId + ": GET /2/users/" + userId + " answered without \"data\"", null);
    }
    Integer followers =
        JsonNumbers.integerOrNull(data.path("public_metrics").get("followers_count"));
    PostTally tally = new PostTally(now);
    String next = null;
    int pages = 0;
    boolean inWindow = true;
    do {
      HttpUrl.Builder url =
          users(client)
              .addPathSegment("tweets")
              .addQueryParameter("exclude", "replies,retweets")
              .addQueryParameter("max_results", "100")
              .addQueryParameter("tweet.fields", "created_at");
      if (next != null) {
        url.addQueryParameter("pagination_token", next);
      }
      JsonNode page = get(client, url.build());
      for (JsonNode tweet : page.path("data")) {
        inWindow &= tally.add(JsonNumbers.instantOrNull(tweet.path("created_at")));
      }
      next = page.path("meta").path("next_token").asText(null);
      pages++;
    } while (inWindow && next != null && pages < PostTally.MAX_PAGES);
    return tally.stats(followers, JsonNumbers.instantOrNull(data.path("created_at")));
  }

  private HttpUrl.Builder users(XConnection.Client client) throws AdapterException {
    HttpUrl root = HttpUrl.parse(client.apiRoot());
    if (root == null) {
      throw new AdapterException("account " + accountId + ": base URL is not a URL");
    }
    return root.newBuilder().addPathSegments("2/users").addPathSegment(Long.toString(userId));
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
