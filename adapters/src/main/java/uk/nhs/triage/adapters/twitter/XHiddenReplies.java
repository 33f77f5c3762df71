package uk.nhs.triage.adapters.twitter;

import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import twitter4j.HttpParameter;
import twitter4j.HttpRequest;
import twitter4j.RequestMethod;
import twitter4j.auth.Authorization;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.http.PlatformHttp;

/**
 * {@code PUT /2/tweets/:id/hidden} with okhttp: twitter4j 4.0.7 cannot send a JSON body with PUT
 * (its {@code hideReplies} fails with a NullPointerException before sending). The Authorization
 * header still comes from twitter4j, so OAuth 1.0a signing and bearer tokens behave as for every
 * other call; a JSON body is not part of an OAuth 1.0a signature.
 */
final class XHiddenReplies {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final String accountId;
  private final PlatformHttp http;
  private final XErrors errors;

  XHiddenReplies(String accountId, PlatformHttp http, XErrors errors) {
    this.accountId = accountId;
    this.http = http;
    this.errors = errors;
  }

  void hide(XConnection.Client client, long tweetId) throws AdapterException {
    String url = client.apiRoot() + "/2/tweets/" + tweetId + "/hidden";
    Authorization auth = client.twitter().getAuthorization();
    String header =
        auth.getAuthorizationHeader(
            new HttpRequest(RequestMethod.PUT, url, new HttpParameter[0], auth, Map.of()));
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", header)
            .put(RequestBody.create("{\"hidden\":true}", JSON_TYPE))
            .build();
    boolean hidden = http.send(request, errors).body().path("data").path("hidden").asBoolean();
    if (!hidden) {
      throw new AdapterException(
          "account " + accountId + ": X did not confirm that post " + tweetId + " is hidden");
    }
  }
}
