package uk.nhs.triage.adapters.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import uk.nhs.triage.adapters.MalformedPageException;

/** Reading back our own Bluesky reply to a post, before a retry would post it again. */
class BlueskyFindOwnReplyTest {
  private static final String JWT = "eyJsecret-access.jwt";
  private static final String THREAD = "/xrpc/app.bsky.feed.getPostThread";
  private static final String OUR_DID = "did:plc:nhstrust000000000000";
  private static final String POST = "at://did:plc:sam/app.bsky.feed.post/3kabc";
  private static final String TEXT = "Sorry to hear this. Please contact PALS.";

  @RegisterExtension
  static WireMockExtension bsky =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private BlueskyNotificationsAdapter adapter() {
    return new BlueskyNotificationsAdapter(
        new AccountSettings(
            "trust-bluesky",
            "bluesky",
            "nhstrust.bsky.social",
            bsky.baseUrl(),
            Map.of("access_jwt", JWT),
            Map.of("did", OUR_DID),
            Duration.ofSeconds(5)),
        Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC));
  }

  private static Comment comment() {
    return new Comment(
        "bluesky", POST, "trust-bluesky", Author.UNKNOWN, "t", Instant.EPOCH, null, null, null);
  }

  private static String reply(String rkey, String did, String handle, String text) {
    return """
        {"$type":"app.bsky.feed.defs#threadViewPost",
         "post":{"uri":"at://%1$s/app.bsky.feed.post/%2$s","cid":"bafy%2$s",
                 "author":{"did":"%1$s","handle":"%3$s"},
                 "record":{"$type":"app.bsky.feed.post","text":"%4$s"}}}
        """
        .formatted(did, rkey, handle, text);
  }

  private void thread(String... replies) {
    bsky.stubFor(
        get(urlPathEqualTo(THREAD))
            .withQueryParam("uri", equalTo(POST))
            .willReturn(
                okJson(
                    """
                    {"thread":{"$type":"app.bsky.feed.defs#threadViewPost",
                               "post":{"uri":"%s","author":{"did":"did:plc:sam"}},
                               "replies":[%s]}}
                    """
                        .formatted(POST, String.join(",", replies)))));
  }

  @Test
  void findsOurReplyAmongTheOthersByOurDid() throws Exception {
    thread(
        reply("r1", "did:plc:sam", "sam.bsky.social", "Any news?"),
        reply("r2", OUR_DID, "renamed.bsky.social", TEXT));

    assertThat(adapter().findOwnReply(comment(), TEXT))
        .contains("at://" + OUR_DID + "/app.bsky.feed.post/r2");
    bsky.verify(
        getRequestedFor(urlPathEqualTo(THREAD))
            .withQueryParam("depth", equalTo("1"))
            .withHeader("Authorization", equalTo("Bearer " + JWT)));
  }

  @Test
  void nothingWhenWeHaveNotReplied() throws Exception {
    thread(reply("r1", OUR_DID, "nhstrust.bsky.social", "A different answer"));

    assertThat(adapter().findOwnReply(comment(), TEXT)).isEmpty();
  }

  @Test
  void nothingWhenThePostHasNoRepliesYet() throws Exception {
    bsky.stubFor(
        get(urlPathEqualTo(THREAD))
            .willReturn(okJson("{\"thread\":{\"post\":{\"uri\":\"" + POST + "\"}}}")));

    assertThat(adapter().findOwnReply(comment(), TEXT)).isEmpty();
  }

  @Test
  void someoneElsesReplyWithTheSameTextIsNotOurs() throws Exception {
    thread(reply("r1", "did:plc:copycat", "copycat.bsky.social", TEXT));

    assertThat(adapter().findOwnReply(comment(), TEXT)).isEmpty();
  }

  @Test
  void anAnswerWithoutAThreadIsMalformed() {
    bsky.stubFor(get(urlPathEqualTo(THREAD)).willReturn(okJson("{\"thread\":[]}")));

    assertThatThrownBy(() -> adapter().findOwnReply(comment(), TEXT))
        .isInstanceOf(MalformedPageException.class)
        .hasMessageContaining("trust-bluesky");
  }

  @Test
  void aFailedReadThrowsNamingTheAccountAndNeverTheToken() {
    bsky.stubFor(
        get(urlPathEqualTo(THREAD))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withBody("{\"error\":\"UpstreamFailure\",\"message\":\"upstream\"}")));

    assertThatThrownBy(() -> adapter().findOwnReply(comment(), TEXT))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("trust-bluesky")
        .hasMessageNotContaining(JWT);
  }
}
