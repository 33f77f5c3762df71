package uk.nhs.triage.adapters.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/** Reading back a Page's own reply under a comment, before a retry would post it again. */
class FacebookFindOwnReplyTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "EAAGtestSECRETtoken123";
  private static final String PAGE_ID = "104857600000001";
  private static final String COMMENT = "771100000000905_881200000000502";
  private static final String THREAD = "/v19.0/" + COMMENT + "/comments";
  private static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");
  private static final String TEXT = "Sorry to hear this. Please contact PALS.";

  private FacebookPageAdapter facebook() {
    return new FacebookPageAdapter(
        new AccountSettings(
            "fb-main",
            "facebook",
            PAGE_ID,
            wm.baseUrl() + "/v19.0",
            Map.of("page_access_token", TOKEN),
            Map.of(),
            Duration.ofSeconds(5)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Comment comment() {
    return new Comment(
        "facebook", COMMENT, "fb-main", Author.UNKNOWN, "text", NOW, null, null, "{}");
  }

  private static String reply(String id, String fromId, String message) {
    return "{\"id\":\"%s\",\"message\":\"%s\",\"from\":{\"id\":\"%s\",\"name\":\"x\"}}"
        .formatted(id, message, fromId);
  }

  private static String page(String next, String... items) {
    String paging =
        next == null
            ? ""
            : ",\"paging\":{\"cursors\":{\"after\":\"%s\"},\"next\":\"https://graph.facebook.com/n\"}"
                .formatted(next);
    return "{\"data\":[" + String.join(",", items) + "]" + paging + "}";
  }

  private void thread(String after, String body) {
    wm.stubFor(
        get(urlPathEqualTo(THREAD))
            .withQueryParam("after", after == null ? absent() : equalTo(after))
            .willReturn(okJson(body)));
  }

  @Test
  void findsThePagesReplyOnTheFirstPageNewestFirst() throws Exception {
    thread(null, page(null, reply("905_700", "u-9", "First!"), reply("905_600", PAGE_ID, TEXT)));

    assertThat(facebook().findOwnReply(comment(), TEXT)).contains("905_600");

    wm.verify(
        getRequestedFor(urlPathEqualTo(THREAD))
            .withQueryParam("order", equalTo("reverse_chronological"))
            .withQueryParam("fields", equalTo("id,message,from{id}")));
  }

  @Test
  void findsItOnTheSecondPageWithWhiteSpaceChangedByThePlatform() throws Exception {
    thread(null, page("c2", reply("905_700", "u-9", "Not us")));
    thread(
        "c2",
        page(null, reply("905_600", PAGE_ID, "  Sorry to hear this.\\n Please contact PALS. ")));

    assertThat(facebook().findOwnReply(comment(), TEXT)).contains("905_600");
  }

  @Test
  void nothingWhenThePageHasNotReplied() throws Exception {
    thread(null, page(null, reply("905_700", "u-9", "Any news?")));

    assertThat(facebook().findOwnReply(comment(), TEXT)).isEmpty();
  }

  @Test
  void someoneElsesCommentWithTheSameTextIsNotOurs() throws Exception {
    thread(
        null,
        page(
            null,
            reply("905_700", "u-9", TEXT),
            "{\"id\":\"905_701\",\"message\":\"" + TEXT + "\"}"));

    assertThat(facebook().findOwnReply(comment(), TEXT)).isEmpty();
  }

  @Test
  void aReplyToAReplyIsLookedForUnderItsTopLevelComment() throws Exception {
    String parent = "771100000000905_881200000000501";
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + parent + "/comments"))
            .willReturn(okJson(page(null, reply("905_600", PAGE_ID, TEXT)))));
    Comment underReply =
        new Comment(
            "facebook",
            COMMENT,
            "fb-main",
            Author.UNKNOWN,
            "text",
            NOW,
            null,
            null,
            "{\"parent\":{\"id\":\"" + parent + "\"}}");

    assertThat(facebook().findOwnReply(underReply, TEXT)).contains("905_600");
  }

  @Test
  void aFailedReadThrowsNamingTheAccountAndNeverTheToken() {
    wm.stubFor(
        get(urlPathEqualTo(THREAD))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"error\":{\"message\":\"An unknown error\",\"code\":1}}")));

    assertThatThrownBy(() -> facebook().findOwnReply(comment(), TEXT))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("fb-main")
        .hasMessageContaining(COMMENT + "/comments")
        .hasMessageNotContaining(TOKEN);
  }
}
