package uk.nhs.triage.adapters.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.bluesky.BlueskyNotificationsAdapter;
import uk.nhs.triage.adapters.facebook.FacebookPageAdapter;
import uk.nhs.triage.adapters.instagram.InstagramAdapter;
import uk.nhs.triage.adapters.twitter.XMentionsAdapter;
import uk.nhs.triage.adapters.youtube.YouTubeCommentsAdapter;

/**
 * Each platform's account figures for the health checks, from the documented answer shapes: the
 * follower count, original posts in the last eight weeks (older ones, replies and reposts left out)
 * and the newest original post.
 */
class AccountStatsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private AccountSettings settings(
      String platform,
      String handle,
      String base,
      Map<String, String> secrets,
      Map<String, String> options) {
    return new AccountSettings(
        platform + "-main", platform, handle, base, secrets, options, TIMEOUT);
  }

  /** The Graph object with its follower fields, and its edge of own posts. */
  private void stubGraphAccount(
      String objectId, String followerFields, String object, String postsEdge, String posts) {
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + objectId))
            .withQueryParam("fields", equalTo(followerFields))
            .willReturn(okJson(object)));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + objectId + "/" + postsEdge)).willReturn(okJson(posts)));
  }

  private XMentionsAdapter x() {
    return new XMentionsAdapter(
        settings(
            "x",
            "NHSExampleICB",
            wm.baseUrl(),
            Map.of("bearer_token", "x-token"),
            Map.of("user_id", "2244994945")),
        NOW);
  }

  private FacebookPageAdapter facebook() {
    return new FacebookPageAdapter(
        settings(
            "facebook",
            "104857600000001",
            wm.baseUrl() + "/v19.0",
            Map.of("page_access_token", "fb-token"),
            Map.of()),
        NOW);
  }

  private InstagramAdapter instagram() {
    return new InstagramAdapter(
        settings(
            "instagram",
            "17841400000000001",
            wm.baseUrl() + "/v19.0",
            Map.of("access_token", "ig-token"),
            Map.of()),
        NOW);
  }

  private YouTubeCommentsAdapter youtube() {
    return new YouTubeCommentsAdapter(
        settings("youtube", "UCnhsTrust", wm.baseUrl(), Map.of("api_key", "yt-key"), Map.of()),
        NOW);
  }

  private BlueskyNotificationsAdapter bluesky() {
    return new BlueskyNotificationsAdapter(
        settings(
            "bluesky",
            "nhstrust.bsky.social",
            wm.baseUrl(),
            Map.of("access_jwt", "bsky-jwt"),
            Map.of()),
        NOW);
  }

  @Test
  void xGivesPublicMetricsAndOwnPosts() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/2/users/2244994945"))
            .withQueryParam("user.fields", equalTo("public_metrics,created_at"))
            .withHeader("Authorization", equalTo("Bearer x-token"))
            .willReturn(
                okJson(
                    """
                    {"data":{"id":"2244994945","name":"NHS Example","username":"NHSExampleICB",
                     "created_at":"2013-12-14T04:35:55.000Z",
                     "public_metrics":{"followers_count":5120,"following_count":310,
                                       "tweet_count":4021,"listed_count":52}}}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/2/users/2244994945/tweets"))
            .withQueryParam("exclude", equalTo("replies,retweets"))
            .willReturn(
                okJson(
                    """
                    {"data":[
                      {"id":"1860000000000000003","text":"Flu clinics this week","created_at":"2026-11-20T09:00:00.000Z"},
                      {"id":"1860000000000000002","text":"Winter advice","created_at":"2026-10-01T09:00:00.000Z"},
                      {"id":"1760000000000000001","text":"Old news","created_at":"2026-08-01T09:00:00.000Z"}],
                     "meta":{"result_count":3,"newest_id":"1860000000000000003","oldest_id":"1760000000000000001"}}
                    """)));

    assertThat(x().stats())
        .isEqualTo(
            new AccountStats(
                5120,
                2,
                Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2013-12-14T04:35:55Z")));
  }

  @Test
  void facebookGivesPageFollowersAndPosts() throws Exception {
    stubGraphAccount(
        "104857600000001",
        "followers_count,fan_count",
        "{\"followers_count\":87,\"fan_count\":80,\"id\":\"104857600000001\"}",
        "posts",
        """
                    {"data":[{"id":"104857600000001_2","created_time":"2026-09-01T08:00:00+0000"},
                             {"id":"104857600000001_1","created_time":"2026-05-01T08:00:00+0000"}],
                     "paging":{"cursors":{"before":"b","after":"a"}}}
                    """);

    assertThat(facebook().stats())
        .isEqualTo(new AccountStats(87, 0, Instant.parse("2026-09-01T08:00:00Z"), null));
  }

  @Test
  void instagramGivesFollowersAndMediaTimes() throws Exception {
    stubGraphAccount(
        "17841400000000001",
        "followers_count",
        "{\"followers_count\":1500,\"id\":\"17841400000000001\"}",
        "media",
        """
                    {"data":[{"id":"m3","timestamp":"2026-11-22T12:00:00+0000"},
                             {"id":"m2","timestamp":"2026-11-15T12:00:00+0000"},
                             {"id":"m1","timestamp":"2026-11-08T12:00:00+0000"}]}
                    """);

    assertThat(instagram().stats())
        .isEqualTo(new AccountStats(1500, 3, Instant.parse("2026-11-22T12:00:00Z"), null));
  }

  @Test
  void youtubeGivesSubscribersAndUploads() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/channels"))
            .withQueryParam("id", equalTo("UCnhsTrust"))
            .willReturn(
                okJson(
                    """
                    {"kind":"youtube#channelListResponse","items":[{"kind":"youtube#channel","id":"UCnhsTrust",
                      "snippet":{"title":"NHS Trust","publishedAt":"2019-03-01T10:00:00Z"},
                      "contentDetails":{"relatedPlaylists":{"likes":"","uploads":"UUnhsTrust"}},
                      "statistics":{"viewCount":"81234","subscriberCount":"64","hiddenSubscriberCount":false,"videoCount":"12"}}]}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/playlistItems"))
            .withQueryParam("playlistId", equalTo("UUnhsTrust"))
            .willReturn(
                okJson(
                    """
                    {"items":[{"id":"p2","contentDetails":{"videoId":"v2","videoPublishedAt":"2026-10-30T15:00:00Z"}},
                              {"id":"p1","contentDetails":{"videoId":"v1","videoPublishedAt":"2026-01-10T15:00:00Z"}}]}
                    """)));

    assertThat(youtube().stats())
        .isEqualTo(
            new AccountStats(
                64,
                1,
                Instant.parse("2026-10-30T15:00:00Z"),
                Instant.parse("2019-03-01T10:00:00Z")));
  }

  @Test
  void youtubeHiddenSubscribersAreUnknownNotZero() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/channels"))
            .willReturn(
                okJson(
                    """
                    {"items":[{"id":"UCnhsTrust","statistics":{"hiddenSubscriberCount":true,"videoCount":"0"}}]}
                    """)));

    assertThat(youtube().stats()).isEqualTo(new AccountStats(null, null, null, null));
  }

  @Test
  void blueskyGivesFollowersAndOwnPostsNotReposts() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
            .withQueryParam("actor", equalTo("nhstrust.bsky.social"))
            .willReturn(
                okJson(
                    """
                    {"did":"did:plc:nhstrust","handle":"nhstrust.bsky.social","displayName":"NHS Trust",
                     "followersCount":42,"followsCount":10,"postsCount":7,"createdAt":"2026-06-01T00:00:00.000Z"}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed"))
            .withQueryParam("filter", equalTo("posts_no_replies"))
            .willReturn(
                okJson(
                    """
                    {"feed":[
                      {"post":{"uri":"at://did:plc:other/app.bsky.feed.post/r1","indexedAt":"2026-11-22T10:00:00.000Z",
                               "record":{"text":"reposted","createdAt":"2026-11-22T10:00:00.000Z"}},
                       "reason":{"$type":"app.bsky.feed.defs#reasonRepost","indexedAt":"2026-11-22T11:00:00.000Z"}},
                      {"post":{"uri":"at://did:plc:nhstrust/app.bsky.feed.post/p2","indexedAt":"2026-11-01T10:00:01.000Z",
                               "record":{"text":"Vaccines","createdAt":"2026-11-01T10:00:00.000Z"}}},
                      {"post":{"uri":"at://did:plc:nhstrust/app.bsky.feed.post/p1","indexedAt":"2026-06-02T10:00:01.000Z",
                               "record":{"text":"Hello","createdAt":"2026-06-02T10:00:00.000Z"}}}]}
                    """)));

    assertThat(bluesky().stats())
        .isEqualTo(
            new AccountStats(
                42,
                1,
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z")));
  }

  @Test
  void statsFailuresMeanWhatPollFailuresMean() {
    wm.stubFor(
        get(urlPathEqualTo("/2/users/2244994945"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-rate-limit-reset", "1795431600")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"title\":\"Too Many Requests\",\"status\":429}")));
    wm.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));

    assertThatThrownBy(x()::stats).isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(bluesky()::stats).isInstanceOf(AuthFailedException.class);
  }
}
