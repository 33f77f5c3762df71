package uk.nhs.triage.adapters.youtube;

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

class YouTubeCommentsAdapterTest {
  private static final String KEY = "AIzaSecretKey-123";
  private static final String OAUTH = "ya29.secret-oauth";
  private static final String THREADS = "/youtube/v3/commentThreads";
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

  /** Generous so a busy build machine passes; the time-out test sets its own short one. */
  private Duration timeout = Duration.ofSeconds(5);

  @RegisterExtension
  static WireMockExtension yt =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private YouTubeCommentsAdapter adapter(String secret, String value) {
    return new YouTubeCommentsAdapter(
        new AccountSettings(
            "trust-youtube",
            "youtube",
            "UCnhsTrust",
            yt.baseUrl(),
            Map.of(secret, value),
            Map.of(),
            timeout),
        NOW);
  }

  private YouTubeCommentsAdapter withKey() {
    return adapter("api_key", KEY);
  }

  private void twoPagesOfThreads() {
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .withQueryParam("pageToken", absent())
            .withQueryParam("allThreadsRelatedToChannelId", equalTo("UCnhsTrust"))
            .withQueryParam("order", equalTo("time"))
            .withQueryParam("part", equalTo("snippet,replies"))
            .withQueryParam("key", equalTo(KEY))
            .willReturn(okJson(SocialFixtures.read("youtube/threads-page1.json"))));
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .withQueryParam("pageToken", equalTo("PAGE2"))
            .willReturn(okJson(SocialFixtures.read("youtube/threads-page2.json"))));
  }

  @Test
  void readsBothPagesOldestFirstAndPassesOverOurOwnReplies() throws Exception {
    twoPagesOfThreads();

    Page page = withKey().poll(null);

    assertThat(page.comments())
        .extracting(Comment::externalId)
        .containsExactly("UgxThreadC", "UgxThreadB", "UgxThreadA", "UgxThreadA.reply1");
    assertThat(page.more()).isFalse();
    assertThat(page.problems()).isEmpty();
    Comment reply = page.comments().get(3);
    assertThat(reply.platform()).isEqualTo("youtube");
    assertThat(reply.accountId()).isEqualTo("trust-youtube");
    assertThat(reply.author().id()).isEqualTo("UCpriya00002");
    assertThat(reply.author().name()).isEqualTo("Priya K");
    assertThat(reply.inReplyToId()).isEqualTo("UgxThreadA");
    assertThat(reply.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:35:00Z"));
    assertThat(reply.url())
        .isEqualTo("https://www.youtube.com/watch?v=vidFlu2026&lc=UgxThreadA.reply1");
    Comment top = page.comments().get(2);
    assertThat(top.author().handle()).isEqualTo("sam_listens");
    assertThat(top.inReplyToId()).isEqualTo("vidFlu2026");
    Comment channelComment = page.comments().get(0);
    assertThat(channelComment.url()).isNull();
    assertThat(page.cursor()).contains("2026-11-23T10:35:00Z").contains("UgxThreadA.reply1");
  }

  @Test
  void cleansHtmlToThePlainTextThePersonTyped() throws Exception {
    twoPagesOfThreads();

    Comment top = withKey().poll(null).comments().get(2);

    assertThat(top.text())
        .isEqualTo("Waited 4 hours in A&E\nStaff were brilliant \"thank you\" see 2:00");
  }

  @Test
  void pollingAgainFromTheCursorFindsNothingNewAndStopsAtTheWatermark() throws Exception {
    twoPagesOfThreads();
    YouTubeCommentsAdapter adapter = withKey();
    Page first = adapter.poll(null);

    Page again = adapter.poll(first.cursor());

    assertThat(again.comments()).isEmpty();
    assertThat(again.cursor()).isEqualTo(first.cursor());
    yt.verify(
        1, getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("pageToken", equalTo("PAGE2")));
  }

  @Test
  void aLaterPollReturnsOnlyWhatIsNewIncludingTiesAndRepliesFetchedSeparately() throws Exception {
    twoPagesOfThreads();
    YouTubeCommentsAdapter adapter = withKey();
    Page first = adapter.poll(null);
    yt.resetMappings();
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .withQueryParam("pageToken", absent())
            .willReturn(okJson(SocialFixtures.read("youtube/threads-later.json"))));
    yt.stubFor(
        get(urlPathEqualTo("/youtube/v3/comments"))
            .withQueryParam("parentId", equalTo("UgxThreadD"))
            .willReturn(okJson(SocialFixtures.read("youtube/replies-of-d.json"))));

    Page later = adapter.poll(first.cursor());

    // Thread D's top comment has the same time as the last one read, but is not the same one.
    assertThat(later.comments())
        .extracting(Comment::externalId)
        .containsExactly("UgxThreadD", "UgxThreadD.r1", "UgxThreadD.r2");
    assertThat(later.cursor()).contains("2026-11-23T10:50:00Z").doesNotContain("reply1");
    assertThat(adapter.poll(later.cursor()).comments()).isEmpty();
    yt.verify(
        1, getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("pageToken", equalTo("PAGE2")));
  }

  @Test
  void aSpentDailyQuotaWaitsForMidnightPacific() {
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SocialFixtures.read("youtube/quota-exceeded.json"))));

    assertThatThrownBy(() -> withKey().poll(null))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z")))
        .satisfies(YouTubeCommentsAdapterTest::namesAccountNotKey);
  }

  @Test
  void aRefusedTokenIsAnAuthFailure() {
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SocialFixtures.read("youtube/auth-error.json"))));

    assertThatThrownBy(() -> adapter("oauth_token", OAUTH).poll(null))
        .isInstanceOf(AuthFailedException.class)
        .satisfies(YouTubeCommentsAdapterTest::namesAccountNotKey);
  }

  @Test
  void aServerErrorIsAPlainFailure() {
    yt.stubFor(get(urlPathEqualTo(THREADS)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> withKey().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("500")
        .satisfies(YouTubeCommentsAdapterTest::namesAccountNotKey);
  }

  @Test
  void aResetConnectionIsAPlainFailure() {
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> withKey().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .satisfies(YouTubeCommentsAdapterTest::namesAccountNotKey);
  }

  @Test
  void aSlowAnswerTimesOut() {
    timeout = Duration.ofMillis(500);
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .willReturn(
                okJson(SocialFixtures.read("youtube/threads-page2.json")).withFixedDelay(1500)));

    assertThatThrownBy(() -> withKey().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("timed out")
        .satisfies(YouTubeCommentsAdapterTest::namesAccountNotKey);
  }

  @Test
  void aTruncatedPageIsMalformedAndMovesNothing() {
    yt.stubFor(
        get(urlPathEqualTo(THREADS))
            .willReturn(okJson(SocialFixtures.truncated("youtube/threads-page1.json"))));

    assertThatThrownBy(() -> withKey().poll(null))
        .isInstanceOf(MalformedPageException.class)
        .satisfies(YouTubeCommentsAdapterTest::namesAccountNotKey);
  }

  @Test
  void repliesUnderTheThreadOnce() throws Exception {
    twoPagesOfThreads();
    Comment reply = withKey().poll(null).comments().get(3);
    yt.stubFor(
        post(urlPathEqualTo("/youtube/v3/comments"))
            .willReturn(okJson(SocialFixtures.read("youtube/reply-created.json"))));

    String id =
        adapter("oauth_token", OAUTH).reply(reply, "Thank you, we have passed this on.", "k1");

    assertThat(id).isEqualTo("UgxThreadA.ourReply9");
    yt.verify(
        1,
        postRequestedFor(urlPathEqualTo("/youtube/v3/comments"))
            .withQueryParam("part", equalTo("snippet"))
            .withHeader("Authorization", equalTo("Bearer " + OAUTH))
            .withRequestBody(
                equalToJson(
                    """
                    {"snippet":{"parentId":"UgxThreadA",
                                "textOriginal":"Thank you, we have passed this on."}}
                    """)));
  }

  @Test
  void hidesByHoldingForReviewOnce() throws Exception {
    twoPagesOfThreads();
    Comment comment = withKey().poll(null).comments().get(0);
    yt.stubFor(
        post(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
            .willReturn(aResponse().withStatus(204)));

    adapter("oauth_token", OAUTH).hide(comment);

    yt.verify(
        1,
        postRequestedFor(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
            .withQueryParam("id", equalTo("UgxThreadC"))
            .withQueryParam("moderationStatus", equalTo("heldForReview"))
            .withHeader("Authorization", equalTo("Bearer " + OAUTH)));
  }

  @Test
  void replyingWithOnlyAnApiKeyIsRefusedBeforeAnyCall() throws Exception {
    twoPagesOfThreads();
    Comment comment = withKey().poll(null).comments().get(0);

    assertThatThrownBy(() -> withKey().reply(comment, "hello", "k2"))
        .isInstanceOf(AuthFailedException.class)
        .hasMessageContaining("oauth_token");
    yt.verify(0, postRequestedFor(urlPathEqualTo("/youtube/v3/comments")));
  }

  private static void namesAccountNotKey(Throwable e) {
    assertThat(e.getMessage()).contains("trust-youtube").doesNotContain(KEY).doesNotContain(OAUTH);
  }
}
