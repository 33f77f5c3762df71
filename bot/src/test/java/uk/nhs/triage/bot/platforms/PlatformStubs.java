package uk.nhs.triage.bot.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One WireMock server standing in for every platform, with two comments per account in each
 * platform's documented shape, plus the account figures; and a config file pointing at it.
 */
public final class PlatformStubs {
  public static final String X_USER = "2244994945";
  public static final String FB_PAGE = "104857600000001";
  public static final String IG_USER = "17841400000000001";
  public static final String YT_CHANNEL = "UCnhsTrust";
  public static final String BSKY_HANDLE = "nhstrust.bsky.social";

  /** Comments each stubbed account gives on its first poll. */
  public static final int COMMENTS_PER_ACCOUNT = 2;

  /** The secrets the config names, as the process environment would hold them. */
  public static final Map<String, String> ENVIRONMENT =
      Map.of(
          "X_BEARER_TOKEN", "x-token",
          "FACEBOOK_PAGE_TOKEN", "fb-token",
          "INSTAGRAM_TOKEN", "ig-token",
          "YOUTUBE_API_KEY", "yt-key",
          "BLUESKY_JWT", "bsky-jwt");

  private static final DateTimeFormatter GRAPH =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

  private PlatformStubs() {}

  /**
   * The Facebook and Instagram adapters look back from the real clock, so their posts are recent.
   */
  private static String graphTime(Duration ago) {
    return GRAPH.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(ago));
  }

  public static void stubX(WireMockServer wm) {
    String mentions = "/2/users/" + X_USER + "/mentions";
    wm.stubFor(
        get(urlPathEqualTo(mentions))
            .withQueryParam("since_id", absent())
            .willReturn(
                okJson(
                    """
                    {"data":[
                      {"id":"1861000000000000005","text":"@NHSExampleICB my dad's operation was cancelled twice and nobody called",
                       "author_id":"3100000000000000007","created_at":"2026-11-23T10:45:12.000Z","conversation_id":"1861000000000000005"},
                      {"id":"1861000000000000004","text":"@NHSExampleICB thank you to the staff on ward 7",
                       "author_id":"3100000000000000008","created_at":"2026-11-23T10:40:00.000Z","conversation_id":"1861000000000000004"}],
                     "includes":{"users":[{"id":"3100000000000000007","name":"Ines Duarte","username":"ines_d"},
                                          {"id":"3100000000000000008","name":"Grateful Gran","username":"gran_g"}]},
                     "meta":{"result_count":2,"newest_id":"1861000000000000005","oldest_id":"1861000000000000004"}}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo(mentions))
            .withQueryParam("since_id", matching(".+"))
            .willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
    wm.stubFor(
        get(urlPathEqualTo("/2/users/" + X_USER))
            .willReturn(
                okJson(
                    """
                    {"data":{"id":"2244994945","username":"NHSExampleICB","created_at":"2013-12-14T04:35:55.000Z",
                     "public_metrics":{"followers_count":5120,"following_count":310,"tweet_count":4021,"listed_count":52}}}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/2/users/" + X_USER + "/tweets"))
            .willReturn(
                okJson(
                    """
                    {"data":[{"id":"1860000000000000003","text":"Flu clinics","created_at":"2026-11-20T09:00:00.000Z"}],
                     "meta":{"result_count":1}}
                    """)));
  }

  public static void stubFacebook(WireMockServer wm) {
    String post = FB_PAGE + "_771100000000905";
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + FB_PAGE + "/posts"))
            .willReturn(
                okJson(
                    """
                    {"data":[{"id":"%s","created_time":"%s"}]}
                    """
                        .formatted(post, graphTime(Duration.ofDays(2))))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + post + "/comments"))
            .willReturn(
                okJson(
                    """
                    {"data":[
                      {"id":"771100000000905_881200000000503","message":"Thank you, that helps.",
                       "from":{"id":"6650000000000101","name":"Lea Novak"},"created_time":"%s"},
                      {"id":"771100000000905_881200000000502","message":"The car park was full again and I missed my appointment.",
                       "from":{"id":"6650000000000102","name":"Sam Okafor"},"created_time":"%s"}]}
                    """
                        .formatted(
                            graphTime(Duration.ofHours(2)), graphTime(Duration.ofHours(3))))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + FB_PAGE))
            .willReturn(
                okJson("{\"followers_count\":87,\"fan_count\":80,\"id\":\"" + FB_PAGE + "\"}")));
  }

  public static void stubInstagram(WireMockServer wm) {
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + IG_USER + "/media"))
            .willReturn(
                okJson(
                    """
                    {"data":[{"id":"17900000000000001","timestamp":"%s",
                              "permalink":"https://www.instagram.com/p/C7abcDEFghi/","comments_count":2}]}
                    """
                        .formatted(graphTime(Duration.ofDays(1))))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/17900000000000001/comments"))
            .willReturn(
                okJson(
                    """
                    {"data":[
                      {"id":"17890000000000777","text":"Is the walk-in centre open late this week?","username":"jules.on.tour",
                       "timestamp":"%s","from":{"id":"17841400000000777","username":"jules.on.tour"}},
                      {"id":"17890000000000778","text":"Brilliant care from the midwives, thank you","username":"kit_r",
                       "timestamp":"%s","from":{"id":"17841400000000780","username":"kit_r"}}]}
                    """
                        .formatted(
                            graphTime(Duration.ofHours(5)), graphTime(Duration.ofHours(4))))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + IG_USER))
            .willReturn(okJson("{\"followers_count\":1500,\"id\":\"" + IG_USER + "\"}")));
  }

  public static void stubYouTube(WireMockServer wm) {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/commentThreads"))
            .willReturn(
                okJson(
                    """
                    {"kind":"youtube#commentThreadListResponse","items":[
                      {"kind":"youtube#commentThread","id":"UgxThreadA","snippet":{"channelId":"UCnhsTrust","videoId":"vidFlu2026",
                        "totalReplyCount":1,"isPublic":true,
                        "topLevelComment":{"kind":"youtube#comment","id":"UgxThreadA","snippet":{"channelId":"UCnhsTrust",
                          "videoId":"vidFlu2026","textDisplay":"Waited 4 hours in A&amp;E, staff were brilliant",
                          "authorDisplayName":"@sam_listens","authorChannelId":{"value":"UCsam000001"},
                          "publishedAt":"2026-11-23T10:30:00Z","updatedAt":"2026-11-23T10:30:00Z"}}},
                       "replies":{"comments":[{"kind":"youtube#comment","id":"UgxThreadA.reply1","snippet":{"channelId":"UCnhsTrust",
                          "videoId":"vidFlu2026","parentId":"UgxThreadA","textDisplay":"Same for me on ward 7",
                          "authorDisplayName":"Priya K","authorChannelId":{"value":"UCpriya00002"},
                          "publishedAt":"2026-11-23T10:35:00Z","updatedAt":"2026-11-23T10:35:00Z"}}]}}]}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/channels"))
            .willReturn(
                okJson(
                    """
                    {"items":[{"id":"UCnhsTrust","snippet":{"publishedAt":"2019-03-01T10:00:00Z"},
                      "statistics":{"subscriberCount":"64","hiddenSubscriberCount":false}}]}
                    """)));
  }

  public static void stubBluesky(WireMockServer wm) {
    wm.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
            .willReturn(
                okJson(
                    """
                    {"notifications":[
                      {"uri":"at://did:plc:noor00000000000000000001/app.bsky.feed.post/3lbzzreply0001","cid":"bafyreireply",
                       "author":{"did":"did:plc:noor00000000000000000001","handle":"noor.bsky.social","displayName":"Noor"},
                       "reason":"reply","reasonSubject":"at://did:plc:nhstrust0000000000000001/app.bsky.feed.post/3lbzzours0001",
                       "record":{"$type":"app.bsky.feed.post","text":"My mum has been waiting 6 hours in A&E, nobody has checked on her",
                                 "createdAt":"2026-11-23T10:35:00.000Z",
                                 "reply":{"root":{"uri":"at://did:plc:nhstrust0000000000000001/app.bsky.feed.post/3lbzzours0001","cid":"bafyreiours"},
                                          "parent":{"uri":"at://did:plc:nhstrust0000000000000001/app.bsky.feed.post/3lbzzours0001","cid":"bafyreiours"}}},
                       "isRead":false,"indexedAt":"2026-11-23T10:35:00.640Z"},
                      {"uri":"at://did:plc:press0000000000000000001/app.bsky.feed.post/3lbzzmention01","cid":"bafyreimention",
                       "author":{"did":"did:plc:press0000000000000000001","handle":"reporter.example.com","displayName":"Jo Press"},
                       "reason":"mention",
                       "record":{"$type":"app.bsky.feed.post","text":"@nhstrust.bsky.social could your press office call me?",
                                 "createdAt":"2026-11-23T10:30:00.000Z"},
                       "isRead":true,"indexedAt":"2026-11-23T10:30:00.500Z"}]}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
            .willReturn(
                okJson(
                    """
                    {"did":"did:plc:nhstrust0000000000000001","handle":"nhstrust.bsky.social","followersCount":42,
                     "createdAt":"2026-06-01T00:00:00.000Z"}
                    """)));
    wm.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed"))
            .willReturn(okJson("{\"feed\":[]}")));
  }

  public static void stubAll(WireMockServer wm) {
    stubX(wm);
    stubFacebook(wm);
    stubInstagram(wm);
    stubYouTube(wm);
    stubBluesky(wm);
  }

  /** The YAML of one account of the platform, polled every {@code interval}, at the stub. */
  public static String account(String platform, String base, Duration interval) {
    return switch (platform) {
      case "x" ->
          """
            - id: x-main
              platform: x
              handle: NHSExampleICB
              poll_interval: %s
              base_url: %s
              credentials: {bearer_token: X_BEARER_TOKEN}
              options: {user_id: "%s"}
          """
              .formatted(interval, base, X_USER);
      case "facebook" ->
          """
            - id: facebook-page
              platform: facebook
              handle: "%s"
              poll_interval: %s
              base_url: %s/v19.0
              credentials: {page_access_token: FACEBOOK_PAGE_TOKEN}
          """
              .formatted(FB_PAGE, interval, base);
      case "instagram" ->
          """
            - id: instagram-main
              platform: instagram
              handle: "%s"
              poll_interval: %s
              base_url: %s/v19.0
              credentials: {access_token: INSTAGRAM_TOKEN}
          """
              .formatted(IG_USER, interval, base);
      case "youtube" ->
          """
            - id: youtube-channel
              platform: youtube
              handle: %s
              poll_interval: %s
              base_url: %s
              credentials: {api_key: YOUTUBE_API_KEY}
          """
              .formatted(YT_CHANNEL, interval, base);
      case "bluesky" ->
          """
            - id: bluesky-main
              platform: bluesky
              handle: %s
              poll_interval: %s
              base_url: %s
              credentials: {access_jwt: BLUESKY_JWT}
          """
              .formatted(BSKY_HANDLE, interval, base);
      case "replay" ->
          """
            - id: demo
              platform: replay
              handle: NHSExampleICB
              poll_interval: %s
              options: {file: %s}
          """
              .formatted(interval, Path.of("..", "config", "demo", "feed.jsonl").toAbsolutePath());
      default -> throw new IllegalArgumentException(platform);
    };
  }

  /** Writes a config file in {@code folder} with the repository's rules and these accounts. */
  public static Path writeConfig(Path folder, String accountsYaml) {
    Path config = Path.of("..", "config").toAbsolutePath().normalize();
    String yaml =
        """
        organisation:
          name: NHS Example Integrated Care Board
          pals_phone: 0300 123 4567
          pals_email: pals@example.nhs.uk
          foi_email: foi@example.nhs.uk
        rules: %1$s/rules
        routing: %1$s/routing.yml
        templates: %1$s/templates
        calendar:
          bank_holidays: %1$s/calendar/bank-holidays.csv
        accounts:
        %2$s
        destinations:
          comms: comms@example.nhs.uk
          pals: pals@example.nhs.uk
          foi: foi@example.nhs.uk
          quality: quality@example.nhs.uk
          safeguarding: safeguarding.lead@example.nhs.uk
        """
            .formatted(config, accountsYaml);
    try {
      Path file = folder.resolve("triage.yml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
