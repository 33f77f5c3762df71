package uk.nhs.triage.adapters.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.SocialFixtures;

class BlueskyNotificationsAdapterTest {
  private static final String JWT = "eyJsecret-access.jwt";
  private static final String LIST = "/xrpc/app.bsky.notification.listNotifications";
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

  /** Generous so a busy build machine passes; the time-out test sets its own short one. */
  private Duration timeout = Duration.ofSeconds(5);

  @RegisterExtension
  static WireMockExtension bsky =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private BlueskyNotificationsAdapter adapter(Map<String, String> secrets) {
    return new BlueskyNotificationsAdapter(
        new AccountSettings(
            "trust-bluesky",
            "bluesky",
            "nhstrust.bsky.social",
            bsky.baseUrl(),
            secrets,
            Map.of(),
            timeout),
        NOW);
  }

  private BlueskyNotificationsAdapter adapter() {
    return adapter(Map.of("access_jwt", JWT));
  }

  private void twoPagesOfNotifications() {
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("cursor", absent())
            .withQueryParam("limit", equalTo("100"))
            .withHeader("Authorization", equalTo("Bearer " + JWT))
            .willReturn(okJson(SocialFixtures.read("bluesky/notifications-page1.json"))));
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("cursor", equalTo("2026-11-23T10:30:00.500Z"))
            .willReturn(okJson(SocialFixtures.read("bluesky/notifications-page2.json"))));
  }

  private void failWith(int status, String fixture) {
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("RateLimit-Reset", "1795449600")
                    .withBody(SocialFixtures.read(fixture))));
  }

  @Test
  void keepsMentionsRepliesAndQuotesFromBothPagesOldestFirst() throws Exception {
    twoPagesOfNotifications();

    Page page = adapter().poll(null);

    assertThat(page.comments())
        .extracting(Comment::externalId)
        .containsExactly(
            "at://did:plc:quoter000000000000000001/app.bsky.feed.post/3lbzzquote0001",
            "at://did:plc:press0000000000000000001/app.bsky.feed.post/3lbzzmention01",
            "at://did:plc:noor00000000000000000001/app.bsky.feed.post/3lbzzreply0001");
    assertThat(page.problems()).isEmpty();
    Comment reply = page.comments().get(2);
    assertThat(reply.platform()).isEqualTo("bluesky");
    assertThat(reply.accountId()).isEqualTo("trust-bluesky");
    assertThat(reply.text())
        .isEqualTo("My mum has been waiting 6 hours in A&E, nobody has checked on her");
    assertThat(reply.author().id()).isEqualTo("did:plc:noor00000000000000000001");
    assertThat(reply.author().handle()).isEqualTo("noor.bsky.social");
    assertThat(reply.author().name()).isEqualTo("Noor");
    assertThat(reply.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:35:00Z"));
    assertThat(reply.url())
        .isEqualTo("https://bsky.app/profile/noor.bsky.social/post/3lbzzreply0001");
    assertThat(reply.inReplyToId())
        .isEqualTo("at://did:plc:nhstrust0000000000000001/app.bsky.feed.post/3lbzzours0001");
    assertThat(page.cursor()).contains("2026-11-23T10:35:00.640Z").contains("3lbzzreply0001");
  }

  @Test
  void pollingAgainFromTheCursorFindsNothingNewAndStopsAtTheWatermark() throws Exception {
    twoPagesOfNotifications();
    BlueskyNotificationsAdapter adapter = adapter();
    Page first = adapter.poll(null);

    Page again = adapter.poll(first.cursor());

    assertThat(again.comments()).isEmpty();
    assertThat(again.cursor()).isEqualTo(first.cursor());
    bsky.verify(
        1,
        getRequestedFor(urlPathEqualTo(LIST))
            .withQueryParam("cursor", equalTo("2026-11-23T10:30:00.500Z")));
  }

  @Test
  void aLaterPollReturnsOnlyTheNewOnesIncludingOneIndexedAtTheSameMoment() throws Exception {
    twoPagesOfNotifications();
    BlueskyNotificationsAdapter adapter = adapter();
    Page first = adapter.poll(null);
    bsky.resetMappings();
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("cursor", absent())
            .willReturn(okJson(SocialFixtures.read("bluesky/notifications-later.json"))));

    Page later = adapter.poll(first.cursor());

    assertThat(later.comments())
        .extracting(Comment::externalId)
        .containsExactly(
            "at://did:plc:twin0000000000000000000001/app.bsky.feed.post/3lbzztie00001",
            "at://did:plc:worried00000000000000001/app.bsky.feed.post/3lbzzlater0001");
    assertThat(adapter.poll(later.cursor()).comments()).isEmpty();
    bsky.verify(
        0,
        getRequestedFor(urlPathEqualTo(LIST))
            .withQueryParam("cursor", equalTo("2026-11-23T10:35:00.640Z")));
  }

  @Test
  void anExpiredSessionIsOpenedAgainOnce() throws Exception {
    bsky.stubFor(
        post(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
            .willReturn(okJson(SocialFixtures.read("bluesky/session.json"))));
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(okJson(SocialFixtures.read("bluesky/notifications-page2.json"))));
    BlueskyNotificationsAdapter adapter = adapter(Map.of("app_password", "app-pass-secret"));
    adapter.poll(null);
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .inScenario("expiry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SocialFixtures.read("bluesky/expired-token.json")))
            .willSetStateTo("renewed"));
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .inScenario("expiry")
            .whenScenarioStateIs("renewed")
            .willReturn(okJson(SocialFixtures.read("bluesky/notifications-page2.json"))));

    assertThat(adapter.poll(null).comments()).hasSize(1);

    bsky.verify(2, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
  }

  @Test
  void aRateLimitCarriesItsResetTime() {
    failWith(429, "bluesky/rate-limited.json");

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.ofEpochSecond(1795449600)))
        .satisfies(BlueskyNotificationsAdapterTest::namesAccountNotToken);
  }

  @Test
  void anExpiredTokenIsAnAuthFailureEvenThoughItComesAs400() {
    failWith(400, "bluesky/expired-token.json");

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOf(AuthFailedException.class)
        .hasMessageContaining("ExpiredToken")
        .satisfies(BlueskyNotificationsAdapterTest::namesAccountNotToken);
  }

  @Test
  void aServerErrorIsAPlainFailure() {
    bsky.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> adapter().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("500")
        .satisfies(BlueskyNotificationsAdapterTest::namesAccountNotToken);
  }

  @Test
  void aResetConnectionIsAPlainFailure() {
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> adapter().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .satisfies(BlueskyNotificationsAdapterTest::namesAccountNotToken);
  }

  @Test
  void aSlowAnswerTimesOut() {
    timeout = Duration.ofMillis(500);
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                okJson(SocialFixtures.read("bluesky/notifications-page2.json"))
                    .withFixedDelay(1500)));

    assertThatThrownBy(() -> adapter().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("timed out")
        .satisfies(BlueskyNotificationsAdapterTest::namesAccountNotToken);
  }

  @Test
  void aTruncatedPageIsMalformed() {
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(okJson(SocialFixtures.truncated("bluesky/notifications-page1.json"))));

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOf(MalformedPageException.class)
        .satisfies(BlueskyNotificationsAdapterTest::namesAccountNotToken);
  }

  @Test
  void repliesInTheThreadOnceWithRootAndParent() throws Exception {
    twoPagesOfNotifications();
    Comment reply = adapter().poll(null).comments().get(2);
    bsky.stubFor(
        post(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
            .willReturn(okJson(SocialFixtures.read("bluesky/record-created.json"))));

    String uri = adapter().reply(reply, "We're sorry. Please message us privately.", "k1");

    assertThat(uri)
        .isEqualTo("at://did:plc:nhstrust0000000000000001/app.bsky.feed.post/3lbzzourreply1");
    bsky.verify(
        1,
        postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
            .withHeader("Authorization", equalTo("Bearer " + JWT))
            .withRequestBody(
                equalToJson(
                    """
                    {"repo": "nhstrust.bsky.social",
                     "collection": "app.bsky.feed.post",
                     "record": {
                       "$type": "app.bsky.feed.post",
                       "text": "We're sorry. Please message us privately.",
                       "createdAt": "2026-11-23T15:00:00Z",
                       "reply": {
                         "root": {"uri": "at://did:plc:nhstrust0000000000000001/app.bsky.feed.post/3lbzzours0001", "cid": "bafyreiours"},
                         "parent": {"uri": "at://did:plc:noor00000000000000000001/app.bsky.feed.post/3lbzzreply0001",
                                    "cid": "bafyreireplycid0000000000000000000000000000000000001"}}}}
                    """)));
  }

  @Test
  void aMentionIsItsOwnThreadRoot() throws Exception {
    twoPagesOfNotifications();
    Comment mention = adapter().poll(null).comments().get(1);
    bsky.stubFor(
        post(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
            .willReturn(okJson(SocialFixtures.read("bluesky/record-created.json"))));

    adapter().reply(mention, "Please email the press office.", "k2");

    String parent =
        """
        {"uri": "at://did:plc:press0000000000000000001/app.bsky.feed.post/3lbzzmention01",
         "cid": "bafyreimentioncid00000000000000000000000000000000001"}
        """;
    bsky.verify(
        1,
        postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
            .withRequestBody(
                equalToJson(
                    "{\"record\":{\"reply\":{\"root\":" + parent + ",\"parent\":" + parent + "}}}",
                    false,
                    true)));
  }

  @Test
  void opensASessionWithTheAppPasswordAndUsesItsToken() throws Exception {
    bsky.stubFor(
        post(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
            .withRequestBody(
                equalToJson(
                    "{\"identifier\":\"nhstrust.bsky.social\",\"password\":\"app-pass-secret\"}"))
            .willReturn(okJson(SocialFixtures.read("bluesky/session.json"))));
    bsky.stubFor(
        get(urlPathEqualTo(LIST))
            .withHeader("Authorization", equalTo("Bearer eyJsession-access.jwt"))
            .willReturn(okJson(SocialFixtures.read("bluesky/notifications-page2.json"))));
    BlueskyNotificationsAdapter adapter = adapter(Map.of("app_password", "app-pass-secret"));

    assertThat(adapter.poll(null).comments()).hasSize(1);
    assertThat(adapter.poll(null).comments()).hasSize(1);

    bsky.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
  }

  @Test
  void hidingIsRefusedWithoutAnyCall() throws Exception {
    twoPagesOfNotifications();
    Comment reply = adapter().poll(null).comments().get(2);

    assertThatThrownBy(() -> adapter().hide(reply))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("cannot hide");
    bsky.verify(0, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")));
  }

  private static void namesAccountNotToken(Throwable e) {
    assertThat(e.getMessage()).contains("trust-bluesky").doesNotContain(JWT);
  }
}
