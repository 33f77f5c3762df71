package uk.nhs.triage.bot.notify;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.CrashPoint;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * The sender killed outright ({@link CrashPoint} halts its JVM as SIGKILL would) right after
 * Facebook (WireMock) accepted an approved reply and before the outbox marked it sent, then run
 * again once the lease is over: Facebook receives the reply exactly once.
 */
class ReplyCrashRecoveryTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @RegisterExtension
  static WireMockExtension facebook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PAGE_ID = "104857600000001";
  static final String COMMENT = "771100000000905_881200000000901";
  static final String REPLIES = "/v19.0/" + COMMENT + "/comments";
  static final String TEXT = "Sorry to hear this. Please contact PALS on 0300 000 0000.";

  @TempDir Path dir;
  Path config;

  @BeforeEach
  void setUp() {
    NotifyFixtures.config(dir, NotifyFixtures.freePort(), facebook.baseUrl() + "/v19.0");
    config = dir.resolve("triage.yml");
    NotifyFixtures.approveFacebookReply(DB, 901, COMMENT, TEXT);
    // Facebook as it behaves: the comment's replies show ours once it was posted.
    facebook.stubFor(
        post(urlPathEqualTo(REPLIES))
            .inScenario("facebook")
            .willSetStateTo("replied")
            .willReturn(okJson("{\"id\":\"771100000000905_881200000000950\"}")));
    facebook.stubFor(
        get(urlPathEqualTo(REPLIES))
            .inScenario("facebook")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"data\":[]}")));
    facebook.stubFor(
        get(urlPathEqualTo(REPLIES))
            .inScenario("facebook")
            .whenScenarioStateIs("replied")
            .willReturn(
                okJson(
                    """
                    {"data":[{"id":"771100000000905_881200000000950","message":"%s",
                              "from":{"id":"%s","name":"NHS Test ICB"}}]}
                    """
                        .formatted(TEXT, PAGE_ID))));
  }

  @Test
  void killedAfterFacebookTookTheReplyTheRestartedSenderFindsItAndPostsNothing() throws Exception {
    assertThat(sender(CrashPoint.AFTER_REPLY_SENT)).isEqualTo(137);
    facebook.verify(1, postRequestedFor(urlPathEqualTo(REPLIES)));
    assertThat(row()).isEqualTo("0 false " + OutboxStore.REPLY_MAY_BE_POSTED);

    // What the killed sender had claimed waits out its lease (outbox.lease), then goes again.
    NotifyFixtures.makeWaitingRowsDue(DB);
    assertThat(sender(null)).isZero();

    facebook.verify(1, postRequestedFor(urlPathEqualTo(REPLIES)));
    facebook.verify(1, getRequestedFor(urlPathEqualTo(REPLIES)));
    assertThat(row()).isEqualTo("0 true 771100000000905_881200000000950");
    assertThat(
            DB.strings(
                "SELECT entity_id || ' ' || (detail->>'replyId') FROM audit_log"
                    + " WHERE action = 'reply_posted'"))
        .containsExactly("901 771100000000905_881200000000950");

    assertThat(sender(null)).isZero();
    facebook.verify(1, postRequestedFor(urlPathEqualTo(REPLIES)));
  }

  private String row() {
    return DB.strings(
            "SELECT attempts || ' ' || (sent_at IS NOT NULL) || ' ' || coalesce(delivery_ref, '-')"
                + " FROM outbox WHERE idempotency_key = 'reply:901'")
        .get(0);
  }

  /** Runs {@code send-outbox --once} in its own JVM, armed to crash at {@code point} (or not). */
  private int sender(String point) throws Exception {
    return BotProcess.run(DB, config, dir, point, "send-outbox", "--once");
  }
}
