package uk.nhs.triage.adapters.instagram;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

/** Reading back our own Instagram reply under a comment, before a retry would post it again. */
class InstagramFindOwnReplyTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "IGQVtestSECRETtoken456";
  private static final String IG_USER = "17841400000000001";
  private static final String COMMENT = "17890000000000777";
  private static final String REPLIES = "/v19.0/" + COMMENT + "/replies";
  private static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");
  private static final String TEXT = "Thank you, we have passed this to the ward.";

  private InstagramAdapter instagram() {
    return new InstagramAdapter(
        new AccountSettings(
            "ig-main",
            "instagram",
            IG_USER,
            wm.baseUrl() + "/v19.0",
            Map.of("access_token", TOKEN),
            Map.of(),
            Duration.ofSeconds(5)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @BeforeEach
  void ownUsername() {
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + IG_USER))
            .willReturn(okJson("{\"username\":\"nhsexampletrust\",\"id\":\"" + IG_USER + "\"}")));
  }

  private static Comment comment(String raw) {
    return new Comment("instagram", COMMENT, "ig-main", Author.UNKNOWN, "t", NOW, null, null, raw);
  }

  /** Instagram gives the author an Instagram-scoped id, not the account's IG user id. */
  private static String reply(String id, String username, String text) {
    return "{\"id\":\"%s\",\"text\":\"%s\",\"username\":\"%s\",\"from\":{\"id\":\"9%s\",\"username\":\"%s\"}}"
        .formatted(id, text, username, id, username);
  }

  private void replies(String after, String next, String... items) {
    String paging =
        next == null
            ? ""
            : ",\"paging\":{\"cursors\":{\"after\":\"%s\"},\"next\":\"https://graph.facebook.com/n\"}"
                .formatted(next);
    wm.stubFor(
        get(urlPathEqualTo(REPLIES))
            .withQueryParam("after", after == null ? absent() : equalTo(after))
            .willReturn(okJson("{\"data\":[" + String.join(",", items) + "]" + paging + "}")));
  }

  @Test
  void findsTheAccountsReplyByItsUsernameOnTheFirstPage() throws Exception {
    replies(
        null,
        null,
        reply("1801", "sam_listens", "Any news?"),
        reply("1802", "NHSExampleTrust", TEXT));

    assertThat(instagram().findOwnReply(comment("{}"), TEXT)).contains("1802");
    wm.verify(
        getRequestedFor(urlPathEqualTo(REPLIES))
            .withQueryParam("fields", equalTo("id,text,username,from{id,username}")));
  }

  @Test
  void findsItOnTheSecondPage() throws Exception {
    replies(null, "r2", reply("1801", "sam_listens", "Any news?"));
    replies("r2", null, reply("1802", "nhsexampletrust", TEXT));

    assertThat(instagram().findOwnReply(comment("{}"), TEXT)).contains("1802");
  }

  @Test
  void nothingWhenTheAccountHasNotReplied() throws Exception {
    replies(null, null, reply("1801", "nhsexampletrust", "A different answer"));

    assertThat(instagram().findOwnReply(comment("{}"), TEXT)).isEmpty();
  }

  @Test
  void someoneElsesReplyWithTheSameTextIsNotOurs() throws Exception {
    replies(null, null, reply("1801", "sam_listens", TEXT));

    assertThat(instagram().findOwnReply(comment("{}"), TEXT)).isEmpty();
  }

  @Test
  void aReplyToAReplyIsLookedForUnderItsTopLevelComment() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/17890000000000001/replies"))
            .willReturn(okJson("{\"data\":[" + reply("1802", "nhsexampletrust", TEXT) + "]}")));

    assertThat(instagram().findOwnReply(comment("{\"parent_id\":\"17890000000000001\"}"), TEXT))
        .contains("1802");
  }

  @Test
  void aFailedReadThrowsNamingTheAccountAndNeverTheToken() {
    wm.stubFor(
        get(urlPathEqualTo(REPLIES))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}")));

    assertThatThrownBy(() -> instagram().findOwnReply(comment("{}"), TEXT))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("ig-main")
        .hasMessageNotContaining(TOKEN);
  }
}
