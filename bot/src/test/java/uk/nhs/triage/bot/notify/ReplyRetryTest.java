package uk.nhs.triage.bot.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * An approved reply retried after an attempt that may have reached Facebook (WireMock): the retry
 * reads the comment's replies first and posts only when this Page's reply is not there.
 */
class ReplyRetryTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @RegisterExtension
  static WireMockExtension facebook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PAGE_ID = "104857600000001";
  static int tests;
  static final String TEXT = "Sorry to hear this. Please contact PALS on 0300 000 0000.";

  @TempDir Path dir;
  TriageConfig config;
  TestClock clock;
  long itemId;
  String replies;

  @BeforeEach
  void setUp() {
    config = NotifyFixtures.config(dir, NotifyFixtures.freePort(), facebook.baseUrl() + "/v19.0");
    clock = new TestClock(LocalDateTime.of(2026, 11, 28, 2, 0));
    // One database for the class: what earlier tests left is set aside, and each has its own item.
    DB.jdbi()
        .useHandle(h -> h.execute("UPDATE outbox SET failed_at = now() WHERE sent_at IS NULL"));
    itemId = 500 + ++tests;
    String commentId = "771100000000905_8812000000008" + itemId;
    replies = "/v19.0/" + commentId + "/comments";
    NotifyFixtures.approveFacebookReply(DB, itemId, commentId, TEXT);
  }

  SendReport send() {
    return OutboxSender.fromConfig(config, DB.jdbi(), NotifyFixtures.ENV, clock).sendDue();
  }

  /** Past the back-off of a failed attempt (outbox.first_retry is a minute). */
  SendReport retry() {
    clock.advance(Duration.ofMinutes(2));
    return send();
  }

  void postAnswers(String scenarioState, String nextState, int status, String body) {
    facebook.stubFor(
        post(urlPathEqualTo(replies))
            .inScenario("post")
            .whenScenarioStateIs(scenarioState)
            .willSetStateTo(nextState)
            .willReturn(aResponse().withStatus(status).withBody(body)));
  }

  void repliesOnFacebook(String... items) {
    facebook.stubFor(
        get(urlPathEqualTo(replies))
            .willReturn(okJson("{\"data\":[" + String.join(",", items) + "]}")));
  }

  static String pageReply(String id) {
    return "{\"id\":\"%s\",\"message\":\"%s\",\"from\":{\"id\":\"%s\"}}"
        .formatted(id, TEXT, PAGE_ID);
  }

  String row() {
    return DB.strings(
            "SELECT attempts || ' ' || (sent_at IS NOT NULL) || ' ' || coalesce(delivery_ref, '-')"
                + " FROM outbox WHERE idempotency_key = 'reply:"
                + itemId
                + "'")
        .get(0);
  }

  @Test
  void aFirstAttemptPostsWithoutLooking() {
    postAnswers(STARTED, "posted", 200, "{\"id\":\"905_900\"}");

    send();

    facebook.verify(1, postRequestedFor(urlPathEqualTo(replies)));
    facebook.verify(0, getRequestedFor(urlPathEqualTo(replies)));
    assertThat(row()).isEqualTo("0 true 905_900");
  }

  @Test
  void afterAFailedPostTheRetryLooksFindsNothingAndPostsOnce() {
    postAnswers(STARTED, "recovered", 500, "{\"error\":{\"message\":\"Unknown\",\"code\":1}}");
    postAnswers("recovered", "posted", 200, "{\"id\":\"905_900\"}");
    repliesOnFacebook("{\"id\":\"905_800\",\"message\":\"Any news?\",\"from\":{\"id\":\"9\"}}");

    send();
    assertThat(row()).isEqualTo("1 false " + OutboxStore.REPLY_MAY_BE_POSTED);
    retry();
    retry();

    facebook.verify(
        1,
        getRequestedFor(urlPathEqualTo(replies))
            .withQueryParam("fields", equalTo("id,message,from{id}")));
    facebook.verify(2, postRequestedFor(urlPathEqualTo(replies)));
    assertThat(row()).isEqualTo("1 true 905_900");
    assertThat(
            DB.count(
                "SELECT count(*) FROM audit_log WHERE action = 'reply_posted' AND entity_id = '"
                    + itemId
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void aReplyFacebookTookWhoseAnswerWasLostIsFoundAndNotPostedAgain() {
    // Facebook posted the reply but the answer never said so (here: no id in it).
    postAnswers(STARTED, "posted", 200, "{}");
    repliesOnFacebook(pageReply("905_900"));

    send();
    assertThat(row()).startsWith("1 false");
    retry();
    retry();

    facebook.verify(1, postRequestedFor(urlPathEqualTo(replies)));
    assertThat(row()).isEqualTo("1 true 905_900");
    assertThat(
            DB.strings(
                "SELECT (detail->>'replyId') || ' ' || (detail->>'foundPostedByEarlierAttempt')"
                    + " FROM audit_log WHERE action = 'reply_posted' AND entity_id = '"
                    + itemId
                    + "'"))
        .containsExactly("905_900 true");
  }

  @Test
  void whenTheLookFailsNothingIsPostedAndTheReasonIsKept() {
    postAnswers(STARTED, "failed", 500, "{\"error\":{\"message\":\"Unknown\",\"code\":1}}");
    facebook.stubFor(
        get(urlPathEqualTo(replies))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"error\":{\"message\":\"Please retry\",\"code\":2}}")));

    send();
    SendReport second = retry();

    assertThat(second.retrying()).isEqualTo(1);
    facebook.verify(1, postRequestedFor(urlPathEqualTo(replies)));
    assertThat(
            DB.strings(
                "SELECT attempts || ' ' || last_error FROM outbox"
                    + " WHERE idempotency_key = 'reply:"
                    + itemId
                    + "'"))
        .singleElement()
        .asString()
        .startsWith(
            "2 could not check whether an earlier attempt already posted this reply, so it was"
                + " not posted again <- account fb-page: GET")
        .doesNotContain(NotifyFixtures.FB_TOKEN);
  }
}
