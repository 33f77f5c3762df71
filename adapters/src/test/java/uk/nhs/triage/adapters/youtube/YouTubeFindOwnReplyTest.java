package uk.nhs.triage.adapters.youtube;

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

/** Reading back the channel's own reply in a comment thread, before a retry would post again. */
class YouTubeFindOwnReplyTest {
  private static final String OAUTH = "ya29.secret-oauth";
  private static final String COMMENTS = "/youtube/v3/comments";
  private static final String THREAD = "UgzThreadAAA";
  private static final String TEXT =
      "Thank you for telling us. Please contact PALS on 0300 000 0000.";

  @RegisterExtension
  static WireMockExtension yt =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private YouTubeCommentsAdapter adapter() {
    return new YouTubeCommentsAdapter(
        new AccountSettings(
            "trust-youtube",
            "youtube",
            "UCnhsTrust",
            yt.baseUrl(),
            Map.of("oauth_token", OAUTH),
            Map.of(),
            Duration.ofSeconds(5)),
        Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC));
  }

  /** A reply in the thread: replying to a reply still answers in the thread. */
  private static Comment comment(String id) {
    return new Comment(
        "youtube", id, "trust-youtube", Author.UNKNOWN, "t", Instant.EPOCH, null, null, null);
  }

  private static String reply(String id, String channel, String text) {
    return """
        {"kind":"youtube#comment","id":"%s","snippet":{"authorChannelId":{"value":"%s"},
         "textDisplay":"shown as html","textOriginal":"%s","parentId":"%s"}}
        """
        .formatted(id, channel, text, THREAD);
  }

  private void page(String token, String next, String... items) {
    String nextToken = next == null ? "" : ",\"nextPageToken\":\"" + next + "\"";
    yt.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .withQueryParam("parentId", equalTo(THREAD))
            .withQueryParam("pageToken", token == null ? absent() : equalTo(token))
            .willReturn(okJson("{\"items\":[" + String.join(",", items) + "]" + nextToken + "}")));
  }

  @Test
  void findsTheChannelsReplyOnTheFirstPage() throws Exception {
    page(
        null,
        null,
        reply(THREAD + ".b", "UCsomeone", "Me too"),
        reply(THREAD + ".c", "UCnhsTrust", TEXT));

    assertThat(adapter().findOwnReply(comment(THREAD), TEXT)).contains(THREAD + ".c");
    yt.verify(
        getRequestedFor(urlPathEqualTo(COMMENTS))
            .withQueryParam("part", equalTo("snippet"))
            .withQueryParam("textFormat", equalTo("plainText"))
            .withHeader("Authorization", equalTo("Bearer " + OAUTH)));
  }

  @Test
  void findsItOnTheSecondPageWhenAskedFromAReplyInTheThread() throws Exception {
    page(null, "p2", reply(THREAD + ".b", "UCsomeone", "Me too"));
    page("p2", null, reply(THREAD + ".c", "UCnhsTrust", TEXT.replace(" Please", "\\n\\nPlease")));

    assertThat(adapter().findOwnReply(comment(THREAD + ".b"), TEXT)).contains(THREAD + ".c");
  }

  @Test
  void nothingWhenTheChannelHasNotReplied() throws Exception {
    page(null, null, reply(THREAD + ".b", "UCnhsTrust", "An earlier, different answer"));

    assertThat(adapter().findOwnReply(comment(THREAD), TEXT)).isEmpty();
  }

  @Test
  void someoneElsesReplyWithTheSameTextIsNotOurs() throws Exception {
    page(null, null, reply(THREAD + ".b", "UCsomeone", TEXT));

    assertThat(adapter().findOwnReply(comment(THREAD), TEXT)).isEmpty();
  }

  @Test
  void aFailedReadThrowsNamingTheAccountAndNeverTheToken() {
    yt.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"error\":{\"code\":500,\"message\":\"Backend Error\"}}")));

    assertThatThrownBy(() -> adapter().findOwnReply(comment(THREAD), TEXT))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("trust-youtube")
        .hasMessageNotContaining(OAUTH);
  }
}
