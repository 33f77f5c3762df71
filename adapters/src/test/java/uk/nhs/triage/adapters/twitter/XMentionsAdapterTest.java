package uk.nhs.triage.adapters.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
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

class XMentionsAdapterTest {
  /** As X issues it: already percent-encoded. */
  private static final String BEARER = "AAAAsecret%2Bbearer%3Dtoken";

  private static final String USER_ID = "1500000000000000001";
  private static final String MENTIONS = "/2/users/" + USER_ID + "/mentions";
  private static final String PAGE2 = "7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix";

  /** Generous so a busy build machine passes; the time-out test sets its own short one. */
  private Duration timeout = Duration.ofSeconds(5);

  @RegisterExtension
  static WireMockExtension x =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private AccountSettings settings(Map<String, String> secrets, Map<String, String> options) {
    return new AccountSettings(
        "trust-x", "x", "NHSExampleTrust", x.baseUrl(), secrets, options, timeout);
  }

  private XMentionsAdapter adapter() {
    return new XMentionsAdapter(
        settings(Map.of("bearer_token", BEARER), Map.of("user_id", USER_ID)));
  }

  /** Every mentions request gets this answer. */
  private void mentionsWillReturn(ResponseDefinitionBuilder answer) {
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(answer));
  }

  /** The first poll's failure, already checked to name the account and never the token. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertFirstPollFails() {
    return assertThatThrownBy(() -> adapter().poll(null))
        .satisfies(XMentionsAdapterTest::namesAccountNotToken);
  }

  /** The newest mention of {@link #twoPagesOfMentions()}, as a first poll returns it. */
  private Comment newestMention() throws AdapterException {
    twoPagesOfMentions();
    return adapter().poll(null).comments().get(2);
  }

  private void stubTweetCreated() {
    x.stubFor(
        post(urlPathEqualTo("/2/tweets"))
            .willReturn(okJson(SocialFixtures.read("x/tweet-created.json"))));
  }

  private void stubHidden() {
    x.stubFor(
        put(urlPathEqualTo("/2/tweets/1861000000000000005/hidden"))
            .willReturn(okJson(SocialFixtures.read("x/hidden.json"))));
  }

  private void twoPagesOfMentions() {
    x.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .withQueryParam("pagination_token", absent())
            .withQueryParam("since_id", absent())
            .withQueryParam("max_results", equalTo("100"))
            .withQueryParam("expansions", equalTo("author_id"))
            .withQueryParam("user.fields", equalTo("id,name,username"))
            .withQueryParam(
                "tweet.fields",
                equalTo("created_at,author_id,conversation_id,referenced_tweets,lang"))
            .withHeader("Authorization", equalTo("Bearer " + BEARER))
            .willReturn(okJson(SocialFixtures.read("x/mentions-page1.json"))));
    x.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .withQueryParam("pagination_token", equalTo(PAGE2))
            .willReturn(okJson(SocialFixtures.read("x/mentions-page2.json"))));
  }

  private void mentionsAnswer(int status, String fixture) {
    mentionsWillReturn(
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/problem+json")
            .withHeader("x-rate-limit-limit", "450")
            .withHeader("x-rate-limit-remaining", "0")
            .withHeader("x-rate-limit-reset", "1795449600")
            .withBody(SocialFixtures.read(fixture)));
  }

  @Test
  void readsEveryPageOldestFirstAndLeavesOutOurOwnPosts() throws Exception {
    twoPagesOfMentions();

    Page page = adapter().poll(null);

    assertThat(page.comments())
        .extracting(Comment::externalId)
        .containsExactly("1861000000000000003", "1861000000000000004", "1861000000000000005");
    assertThat(page.cursor()).isEqualTo("1861000000000000005");
    assertThat(page.more()).isFalse();
    assertThat(page.problems()).isEmpty();
    Comment newest = page.comments().get(2);
    assertThat(newest.platform()).isEqualTo("x");
    assertThat(newest.accountId()).isEqualTo("trust-x");
    assertThat(newest.text())
        .isEqualTo(
            "@NHSExampleTrust my dad's operation was cancelled twice & nobody called <again>");
    assertThat(newest.author().id()).isEqualTo("3100000000000000007");
    assertThat(newest.author().handle()).isEqualTo("ines_d");
    assertThat(newest.author().name()).isEqualTo("Ines Duarte");
    assertThat(newest.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:45:12Z"));
    assertThat(newest.url()).isEqualTo("https://x.com/ines_d/status/1861000000000000005");
    assertThat(newest.inReplyToId()).isEqualTo("1860000000000000001");
    assertThat(newest.rawPayload()).contains("\"id\":\"1861000000000000005\"");
    assertThat(page.comments().get(1).inReplyToId()).isNull();
  }

  @Test
  void pollingAgainFromTheCursorAsksOnlyForNewerPosts() throws Exception {
    twoPagesOfMentions();
    Page first = adapter().poll(null);
    x.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .withQueryParam("since_id", equalTo("1861000000000000005"))
            .willReturn(okJson(SocialFixtures.read("x/nothing-new.json"))));

    Page again = adapter().poll(first.cursor());

    assertThat(again.comments()).isEmpty();
    assertThat(again.cursor()).isEqualTo("1861000000000000005");
  }

  @Test
  void aLaterPollReturnsTheNewerMentionAndMovesTheCursorToIt() throws Exception {
    x.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .withQueryParam("since_id", equalTo("1861000000000000003"))
            .willReturn(okJson(SocialFixtures.read("x/mentions-page1.json"))));
    x.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .withQueryParam("since_id", equalTo("1861000000000000003"))
            .withQueryParam("pagination_token", equalTo(PAGE2))
            .willReturn(okJson(SocialFixtures.read("x/nothing-new.json"))));

    Page later = adapter().poll("1861000000000000003");

    assertThat(later.comments())
        .extracting(Comment::externalId)
        .containsExactly("1861000000000000004", "1861000000000000005");
    assertThat(later.cursor()).isEqualTo("1861000000000000005");
  }

  @Test
  void aFailureOnTheSecondPageReturnsNothingSoTheCursorStays() {
    twoPagesOfMentions();
    x.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .withQueryParam("pagination_token", equalTo(PAGE2))
            .willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> adapter().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("503");
  }

  @Test
  void aRateLimitCarriesTheResetFromTheHeaders() {
    mentionsAnswer(429, "x/too-many-requests.json");

    assertFirstPollFails()
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.ofEpochSecond(1795449600)));
  }

  @Test
  void aRefusedTokenIsAnAuthFailure() {
    mentionsAnswer(401, "x/unauthorized.json");

    assertFirstPollFails().isInstanceOf(AuthFailedException.class);
  }

  @Test
  void aServerErrorIsAPlainFailure() {
    mentionsWillReturn(aResponse().withStatus(500));

    assertFirstPollFails().isExactlyInstanceOf(AdapterException.class).hasMessageContaining("500");
  }

  @Test
  void aResetConnectionIsAPlainFailure() {
    mentionsWillReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertFirstPollFails().isExactlyInstanceOf(AdapterException.class);
  }

  @Test
  void aSlowAnswerTimesOut() {
    timeout = Duration.ofMillis(500);
    mentionsWillReturn(okJson(SocialFixtures.read("x/nothing-new.json")).withFixedDelay(1500));

    assertFirstPollFails()
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void aTruncatedPageIsMalformed() {
    mentionsWillReturn(okJson(SocialFixtures.truncated("x/mentions-page1.json")));

    assertFirstPollFails().isInstanceOf(MalformedPageException.class);
  }

  @Test
  void repliesToTheMentionOnce() throws Exception {
    Comment mention = newestMention();
    stubTweetCreated();

    String id = adapter().reply(mention, "We're sorry to hear this. Please DM us.", "k1");

    assertThat(id).isEqualTo("1861000000000000099");
    x.verify(
        1,
        postRequestedFor(urlPathEqualTo("/2/tweets"))
            .withHeader("Authorization", equalTo("Bearer " + BEARER))
            .withRequestBody(
                equalToJson(
                    """
                    {"text": "We're sorry to hear this. Please DM us.",
                     "reply": {"in_reply_to_tweet_id": "1861000000000000005"}}
                    """)));
  }

  @Test
  void hidesAReplyOnce() throws Exception {
    Comment mention = newestMention();
    stubHidden();

    adapter().hide(mention);

    x.verify(
        1,
        putRequestedFor(urlPathEqualTo("/2/tweets/1861000000000000005/hidden"))
            .withHeader("Authorization", equalTo("Bearer " + BEARER))
            .withRequestBody(equalToJson("{\"hidden\": true}")));
  }

  @Test
  void writesAsTheAccountWithSignedRequestsWhenItsUserKeysAreGiven() throws Exception {
    Comment mention = newestMention();
    stubTweetCreated();
    stubHidden();
    XMentionsAdapter asUser =
        new XMentionsAdapter(
            settings(
                Map.of(
                    "bearer_token", BEARER,
                    "consumer_key", "ck-1",
                    "consumer_secret", "cs-secret",
                    "access_token", "1500000000000000001-at",
                    "access_token_secret", "ats-secret"),
                Map.of("user_id", USER_ID)));

    asUser.reply(mention, "Thank you", "k2");
    asUser.hide(mention);

    x.verify(
        1,
        postRequestedFor(urlPathEqualTo("/2/tweets"))
            .withHeader("Authorization", matching("OAuth .*oauth_consumer_key=\"ck-1\".*")));
    x.verify(
        1,
        putRequestedFor(urlPathEqualTo("/2/tweets/1861000000000000005/hidden"))
            .withHeader(
                "Authorization", matching("OAuth .*oauth_token=\"1500000000000000001-at\".*")));
  }

  @Test
  void aMissingUserIdIsAConfigurationErrorNamingTheOption() {
    assertThatThrownBy(
            () -> new XMentionsAdapter(settings(Map.of("bearer_token", BEARER), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user_id");
    x.verify(0, anyRequestedFor(anyUrl()));
  }

  private static void namesAccountNotToken(Throwable e) {
    assertThat(e.getMessage())
        .contains("trust-x")
        .doesNotContain(BEARER)
        .doesNotContain("AAAAsecret");
  }
}
