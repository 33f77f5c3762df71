package uk.nhs.triage.adapters.twitter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import twitter4j.Twitter;
import twitter4j.TwitterFactory;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;
import uk.nhs.triage.adapters.AccountSettings;

/**
 * A twitter4j v2 client for one account, pointed at the configured base URL with the account's
 * time-outs. Reading uses the app's {@code bearer_token} when there is one; writing (reply, hide)
 * needs a user, so it prefers the OAuth 1.0a keys and falls back to the bearer token (an OAuth 2
 * user token is also a bearer token).
 */
final class XConnection {
  private static final String DEFAULT_BASE_URL = "https://api.x.com";

  /** twitter4j needs consumer keys even for app-only auth; X never sees them then. */
  private static final String UNUSED = "unused";

  private XConnection() {}

  /** A twitter4j client, its v2 side, and the API root it talks to. */
  record Client(Twitter twitter, TwitterV2 v2, String apiRoot) {}

  static Client reader(AccountSettings settings) {
    Map<String, String> secrets = settings.secrets();
    return secrets.containsKey("bearer_token") || !hasUserKeys(secrets)
        ? connect(settings, false)
        : connect(settings, true);
  }

  static Client writer(AccountSettings settings) {
    return connect(settings, hasUserKeys(settings.secrets()));
  }

  static boolean hasCredentials(Map<String, String> secrets) {
    return secrets.containsKey("bearer_token") || hasUserKeys(secrets);
  }

  private static boolean hasUserKeys(Map<String, String> secrets) {
    return secrets.containsKey("consumer_key")
        && secrets.containsKey("consumer_secret")
        && secrets.containsKey("access_token")
        && secrets.containsKey("access_token_secret");
  }

  private static Client connect(AccountSettings settings, boolean asUser) {
    Map<String, String> secrets = settings.secrets();
    String base = apiRoot(settings.baseUrl());
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    ConfigurationBuilder builder =
        new ConfigurationBuilder()
            .setDebugEnabled(false)
            .setHttpConnectionTimeout(timeoutMillis)
            .setHttpReadTimeout(timeoutMillis)
            .setHttpRetryCount(0)
            .setJSONStoreEnabled(true)
            // Also keeps configurations for different servers apart: twitter4j-v2 keys its v2
            // base URL by configuration equality.
            .setRestBaseURL(base + "/1.1/")
            .setOAuth2TokenURL(base + "/oauth2/token");
    if (asUser) {
      builder
          .setOAuthConsumerKey(secrets.get("consumer_key"))
          .setOAuthConsumerSecret(secrets.get("consumer_secret"))
          .setOAuthAccessToken(secrets.get("access_token"))
          .setOAuthAccessTokenSecret(secrets.get("access_token_secret"));
    } else {
      builder
          .setApplicationOnlyAuthEnabled(true)
          .setOAuthConsumerKey(secrets.getOrDefault("consumer_key", UNUSED))
          .setOAuthConsumerSecret(secrets.getOrDefault("consumer_secret", UNUSED))
          .setOAuth2TokenType("bearer")
          .setOAuth2AccessToken(asIssued(secrets.get("bearer_token")));
    }
    Configuration conf = builder.build();
    V2ConfigurationKt.getV2Configuration(conf).setBaseURL(base + "/2/");
    Twitter twitter = new TwitterFactory(conf).getInstance();
    return new Client(twitter, TwitterV2ExKt.getV2(twitter), base);
  }

  /**
   * X issues bearer tokens already percent-encoded ({@code ...%2B...%3D...}) and twitter4j encodes
   * the token again when it writes the header; decoding first makes the header carry the token as
   * issued.
   */
  static String asIssued(String bearer) {
    return bearer == null || !bearer.contains("%")
        ? bearer
        : URLDecoder.decode(bearer, StandardCharsets.UTF_8);
  }

  /**
   * {@code http://host:port}, {@code https://api.x.com/} or {@code .../2/} all mean the same root.
   */
  static String apiRoot(String configured) {
    String root =
        configured == null || configured.isBlank() ? DEFAULT_BASE_URL : configured.strip();
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    if (root.endsWith("/2")) {
      root = root.substring(0, root.length() - 2);
    }
    return root;
  }
}
