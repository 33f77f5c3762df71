package uk.nhs.triage.bot.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageStore;
import uk.nhs.triage.classifier.Label;

/** Approved replies and hides, posted to a Facebook Page (WireMock) from the outbox. */
class PlatformReplyTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @RegisterExtension
  static WireMockExtension facebook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Path FIXTURES = Path.of("../adapters/src/test/resources/facebook");
  static final String POST = "771100000000905";

  @TempDir Path dir;
  TriageConfig config;
  TriageStore store;
  TestClock clock;

  @BeforeEach
  void setUp() {
    config = NotifyFixtures.config(dir, NotifyFixtures.freePort(), facebook.baseUrl() + "/v19.0");
    store = DB.store();
    // Replies are approved by a person and go at once, at any hour: 02:00 on a Saturday.
    clock = new TestClock(LocalDateTime.of(2026, 11, 28, 2, 0));
  }

  OutboxSender sender() {
    return OutboxSender.fromConfig(config, DB.jdbi(), NotifyFixtures.ENV, clock);
  }

  /** A Facebook comment stored by a poll; returns its triage item id. */
  long storedComment(String commentId) {
    store.registerAccount("fb-page", "facebook", "104857600000001");
    Comment comment =
        new Comment(
            "facebook",
            commentId,
            "fb-page",
            new Author("u-1", null, "Alex Patient"),
            "Waited four hours in A&E",
            clock.instant().minusSeconds(3600),
            "https://facebook.example/" + commentId,
            POST,
            "{\"id\":\"" + commentId + "\"}");
    store.saveBatch(
        "fb-page",
        List.of(
            triaged(
                comment,
                classification(Label.NEGATIVE),
                decision(Priority.NORMAL, null, Queue.COMMS))),
        null);
    return DB.count(
        "SELECT t.id FROM triage_item t JOIN comment c ON c.id = t.comment_id"
            + " WHERE c.external_id = '"
            + commentId
            + "'");
  }

  /** What the web app writes when a person approves a reply or a hide. */
  void approve(
      String kind, String account, long itemId, String platform, String commentId, String extra) {
    DB.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO outbox (kind, destination, idempotency_key, payload,
                                            available_at)
                        VALUES (:kind, :account, :key, CAST(:payload AS jsonb),
                                '2000-01-01T00:00:00Z')
                        """)
                    .bind("kind", kind)
                    .bind("account", account)
                    .bind("key", kind + ":" + itemId)
                    .bind(
                        "payload",
                        "{\"platform\":\"%s\",\"external_id\":\"%s\",\"account_id\":\"%s\",%s}"
                            .formatted(platform, commentId, account, extra))
                    .execute());
  }

  @Test
  void approvedReplyIsPostedExactlyOnceEvenWhenTheSenderRunsTwice() throws Exception {
    String commentId = POST + "_881200000000701";
    long itemId = storedComment(commentId);
    facebook.stubFor(
        post(urlPathEqualTo("/v19.0/" + commentId + "/comments"))
            .willReturn(okJson(Files.readString(FIXTURES.resolve("reply_success.json")))));
    approve(
        "reply",
        "fb-page",
        itemId,
        "facebook",
        commentId,
        "\"text\":\"Sorry to hear this. Please contact PALS.\",\"comment_url\":\"u\"");

    SendReport first = sender().sendDue();
    SendReport second = sender().sendDue();

    assertThat(first.sent()).isEqualTo(1);
    assertThat(second.claimed()).isZero();
    facebook.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v19.0/" + commentId + "/comments"))
            .withFormParam("message", equalTo("Sorry to hear this. Please contact PALS.")));
    assertThat(facebook.getAllServeEvents()).hasSize(1);
    assertThat(
            DB.strings(
                "SELECT delivery_ref FROM outbox WHERE idempotency_key = 'reply:" + itemId + "'"))
        .containsExactly("771100000000905_881200000000600");
    assertThat(
            DB.strings(
                "SELECT actor || ' ' || action || ' ' || entity || ' ' || entity_id || ' '"
                    + " || (detail->>'replyId') FROM audit_log WHERE action = 'reply_posted'"))
        .containsExactly(
            "bot reply_posted triage_item " + itemId + " 771100000000905_881200000000600");
  }

  @Test
  void approvedHideHidesTheCommentOnceAndIsAudited() throws Exception {
    String commentId = POST + "_881200000000702";
    long itemId = storedComment(commentId);
    facebook.stubFor(
        post(urlPathEqualTo("/v19.0/" + commentId))
            .willReturn(okJson(Files.readString(FIXTURES.resolve("hide_comment_success.json")))));
    approve("hide", "fb-page", itemId, "facebook", commentId, "\"reason\":\"offensive\"");

    sender().sendDue();
    sender().sendDue();

    facebook.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v19.0/" + commentId))
            .withFormParam("is_hidden", equalTo("true")));
    assertThat(
            DB.strings(
                "SELECT action || ' ' || entity_id || ' ' || (detail->>'reason') FROM audit_log"
                    + " WHERE action = 'comment_hidden'"))
        .containsExactly("comment_hidden " + itemId + " offensive");
  }

  @Test
  void replyForAReplayAccountFailsAtOnceWithAClearError() {
    approve("reply", "demo", 9001, "replay", "demo-1", "\"text\":\"Thanks\"");

    SendReport report = sender().sendDue();

    assertThat(report.failed()).isEqualTo(1);
    assertThat(
            DB.strings(
                "SELECT attempts || ' ' || (failed_at IS NOT NULL) || ' ' || last_error"
                    + " FROM outbox WHERE idempotency_key = 'reply:9001'"))
        .containsExactly("1 true account demo: replay accounts cannot post");
    assertThat(sender().sendDue().claimed()).isZero();
  }

  @Test
  void platformErrorIsRetriedLaterAndTheTokenNeverReachesTheRecordedError() throws Exception {
    String commentId = POST + "_881200000000703";
    long itemId = storedComment(commentId);
    facebook.stubFor(
        post(urlPathEqualTo("/v19.0/" + commentId + "/comments"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(Files.readString(FIXTURES.resolve("server_error.json")))));
    approve("reply", "fb-page", itemId, "facebook", commentId, "\"text\":\"Sorry\"");

    SendReport report = sender().sendDue();

    assertThat(report.retrying()).isEqualTo(1);
    List<String> error =
        DB.strings("SELECT last_error FROM outbox WHERE idempotency_key = 'reply:" + itemId + "'");
    assertThat(error)
        .singleElement()
        .asString()
        .isNotBlank()
        .doesNotContain(NotifyFixtures.FB_TOKEN);
    assertThat(
            DB.count(
                "SELECT count(*) FROM audit_log WHERE action = 'reply_posted'"
                    + " AND entity_id = '"
                    + itemId
                    + "'"))
        .isZero();
  }
}
