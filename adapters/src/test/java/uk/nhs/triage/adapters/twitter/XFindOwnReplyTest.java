package uk.nhs.triage.adapters.twitter;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/** Reading back our own reply to a post on X, before a retry would post it again. */
class XFindOwnReplyTest {
  private static final String BEARER = "AAAAsecret%2Bbearer%3Dtoken";
  private static final String USER_ID = "1500000000000000001";
  private static final String MENTION = "1790000000000000100";
  private static final String TIMELINE = "/2/users/" + USER_ID + "/tweets";
  private static final String TEXT =
      "Sorry to hear this. Please contact PALS: https://example.nhs.uk/pals & we'll help.";

  @RegisterExtension
  static WireMockExtension x =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private XMentionsAdapter adapter() {
    return new XMentionsAdapter(
        new AccountSettings(
            "trust-x",
            "x",
            "NHSExampleTrust",
            x.baseUrl(),
            Map.of("bearer_token", BEARER),
            Map.of("user_id", USER_ID),
            Duration.ofSeconds(5)));
  }

  private static Comment mention() {
    return new Comment(
        "x",
        MENTION,
        "trust-x",
        Author.UNKNOWN,
        "@NHSExampleTrust hi",
        Instant.EPOCH,
        null,
        null,
        null);
  }

  /** As X shows it: the link shortened to t.co, the ampersand escaped. */
  private static String tweet(String id, String author, String repliedTo, String text) {
    return """
        {"id":"%s","author_id":"%s","text":"%s",
         "referenced_tweets":[{"type":"replied_to","id":"%s"}],
         "entities":{"urls":[{"start":0,"end":1,"url":"https://t.co/Ab12Cd",
                              "expanded_url":"https://example.nhs.uk/pals"}]}}
        """
        .formatted(id, author, text, repliedTo);
  }

  private static final String AS_SHOWN =
      "Sorry to hear this. Please contact PALS: https://t.co/Ab12Cd &amp; we'll help.";

  private void timeline(String token, String next, String... tweets) {
    String meta = next == null ? "{\"result_count\":1}" : "{\"next_token\":\"" + next + "\"}";
    x.stubFor(
        get(urlPathEqualTo(TIMELINE))
            .withQueryParam("pagination_token", token == null ? absent() : equalTo(token))
            .willReturn(
                okJson("{\"data\":[" + String.join(",", tweets) + "],\"meta\":" + meta + "}")));
  }

  @Test
  void findsOurReplyOnTheFirstPageWithItsLinkAndAmpersandAsWeWroteThem() throws Exception {
    timeline(
        null,
        null,
        tweet("1790000000000000300", USER_ID, "1790000000000000099", AS_SHOWN),
        tweet("1790000000000000200", USER_ID, MENTION, AS_SHOWN));

    assertThat(adapter().findOwnReply(mention(), TEXT)).contains("1790000000000000200");
    x.verify(
        getRequestedFor(urlPathEqualTo(TIMELINE))
            .withQueryParam("since_id", equalTo(MENTION))
            .withHeader("Authorization", equalTo("Bearer " + BEARER)));
  }

  @Test
  void findsItOnTheSecondPage() throws Exception {
    timeline(null, "p2", tweet("1790000000000000300", USER_ID, "1790000000000000099", "Other"));
    timeline("p2", null, tweet("1790000000000000200", USER_ID, MENTION, AS_SHOWN));

    assertThat(adapter().findOwnReply(mention(), TEXT)).contains("1790000000000000200");
  }

  @Test
  void nothingWhenWeHaveNotRepliedToThatPost() throws Exception {
    timeline(null, null, tweet("1790000000000000300", USER_ID, "1790000000000000099", AS_SHOWN));

    assertThat(adapter().findOwnReply(mention(), TEXT)).isEmpty();
  }

  @Test
  void nothingWhenTheTimelineIsEmpty() throws Exception {
    x.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(okJson("{\"meta\":{\"result_count\":0}}")));

    assertThat(adapter().findOwnReply(mention(), TEXT)).isEmpty();
  }

  @Test
  void someoneElsesPostWithTheSameTextIsNotOurs() throws Exception {
    timeline(null, null, tweet("1790000000000000200", "42", MENTION, AS_SHOWN));

    assertThat(adapter().findOwnReply(mention(), TEXT)).isEmpty();
  }

  @Test
  void aFailedReadThrowsNamingTheAccountAndNeverTheToken() {
    x.stubFor(
        get(urlPathEqualTo(TIMELINE))
            .willReturn(
                aResponse().withStatus(503).withBody("{\"title\":\"Service Unavailable\"}")));

    assertThatThrownBy(() -> adapter().findOwnReply(mention(), TEXT))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("trust-x")
        .hasMessageContaining(TIMELINE)
        .hasMessageNotContaining(BEARER)
        .hasMessageNotContaining("secret");
  }
}
