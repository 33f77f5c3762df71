package uk.nhs.triage.adapters.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.graph.GraphFailureContract;

class InstagramAdapterTest extends GraphFailureContract {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String IG_USER = "17841400000000001";
  private static final String MEDIA = "17900000000000001";
  private static final String QUIET_MEDIA = "17900000000000002";
  private static final String THREAD = "17890000000000777";

  @Override
  protected WireMockExtension wm() {
    return wm;
  }

  @Override
  protected String accountId() {
    return "ig-main";
  }

  @Override
  protected String platform() {
    return "instagram";
  }

  @Override
  protected String handle() {
    return IG_USER;
  }

  @Override
  protected String tokenKey() {
    return "access_token";
  }

  @Override
  protected String listPath() {
    return "/v19.0/" + IG_USER + "/media";
  }

  @Override
  protected SourceAdapter adapter(AccountSettings settings, Clock clock) {
    return new InstagramAdapter(settings, clock);
  }

  private InstagramAdapter instagram() {
    return new InstagramAdapter(settings(TIMEOUT), CLOCK);
  }

  private void stubMediaAndComments() {
    wm.stubFor(
        get(urlPathEqualTo(listPath()))
            .withQueryParam("access_token", equalTo(TOKEN))
            .withQueryParam(
                "since", equalTo(String.valueOf(NOW.minus(Duration.ofDays(28)).getEpochSecond())))
            .willReturn(okJson(fixture("media.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + MEDIA + "/comments"))
            .withQueryParam("access_token", equalTo(TOKEN))
            .withQueryParam("after", absent())
            .willReturn(okJson(fixture("comments_page1.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + MEDIA + "/comments"))
            .withQueryParam("after", equalTo("Q29tQQ"))
            .willReturn(okJson(fixture("comments_page2.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + THREAD + "/replies"))
            .withQueryParam("after", equalTo("UmVwQQ"))
            .willReturn(okJson(fixture("replies_page2.json"))));
  }

  @Test
  void readsCommentsAndNestedAndPagedRepliesOldestFirst() throws Exception {
    stubMediaAndComments();

    Page page = instagram().poll(null);

    assertThat(page.comments())
        .extracting(Comment::externalId)
        .containsExactly("17890000000000778", THREAD, "17890000000000780", "17890000000000781");
    assertThat(page.problems()).isEmpty();
    assertThat(page.more()).isFalse();

    Comment question = page.comments().get(1);
    assertThat(question.platform()).isEqualTo("instagram");
    assertThat(question.accountId()).isEqualTo("ig-main");
    assertThat(question.author()).isEqualTo(new Author("17841400000000777", "jules.on.tour", null));
    assertThat(question.text()).isEqualTo("Is the walk-in centre open late this week?");
    assertThat(question.createdAt()).isEqualTo(Instant.parse("2024-06-02T10:11:40Z"));
    assertThat(question.url()).isEqualTo("https://www.instagram.com/p/C7abcDEFghi/");
    assertThat(question.inReplyToId()).isEqualTo(MEDIA);
    assertThat(question.rawPayload()).contains(THREAD).doesNotContain("17890000000000780");

    assertThat(page.comments().get(0).author()).isEqualTo(new Author(null, "morgan.b", null));
    assertThat(page.comments().get(2).inReplyToId()).isEqualTo(THREAD);
    assertThat(page.comments().get(3).inReplyToId()).isEqualTo(THREAD);
    assertThat(page.cursor()).contains("\"newest\":\"2024-06-02T10:25:00Z\"");

    wm.verify(0, getRequestedFor(urlPathEqualTo("/v19.0/" + QUIET_MEDIA + "/comments")));
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v19.0/" + MEDIA + "/comments"))
            .withQueryParam("after", equalTo("Q29tQQ")));
  }

  @Test
  void aSecondPollWithTheCursorBringsNothingAlreadySeen() throws Exception {
    stubMediaAndComments();
    Page first = instagram().poll(null);

    Page second = instagram().poll(first.cursor());

    assertThat(second.comments()).isEmpty();
    assertThat(second.cursor()).isEqualTo(first.cursor());
  }

  @Test
  void aLaterPollBringsOnlyTheNewReply() throws Exception {
    stubMediaAndComments();
    String cursor = instagram().poll(null).cursor();
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + THREAD + "/replies"))
            .withQueryParam("after", equalTo("UmVwQQ"))
            .willReturn(
                okJson(
                    fixture("replies_page2.json")
                        .replace(
                            "{\"id\": \"17890000000000781\"",
                            "{\"id\": \"17890000000000782\", \"text\": \"Thanks!\","
                                + " \"timestamp\": \"2024-06-02T10:25:00+0000\"},"
                                + " {\"id\": \"17890000000000781\""))));

    Page later = instagram().poll(cursor);

    assertThat(later.comments())
        .extracting(Comment::externalId)
        .containsExactly("17890000000000782");
  }

  @Test
  void aRepliesPageThatFailsMidwayReturnsNothing() {
    stubMediaAndComments();
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + THREAD + "/replies"))
            .willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> instagram().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("ig-main")
        .hasMessageContaining(THREAD + "/replies")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void replyGoesOnceToTheTopLevelComment() throws Exception {
    replyWillSucceed(THREAD + "/replies");

    String id =
        instagram()
            .reply(
                comment("17890000000000780", "{\"parent_id\":\"" + THREAD + "\"}"),
                "Our opening times are on our website.",
                "k1");

    assertThat(id).isEqualTo("17890000000000900");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v19.0/" + THREAD + "/replies"))
            .withQueryParam("access_token", equalTo(TOKEN))
            .withFormParam("message", equalTo("Our opening times are on our website.")));
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void replyToATopLevelCommentGoesUnderIt() throws Exception {
    replyWillSucceed(THREAD + "/replies");

    instagram().reply(comment(THREAD, "{\"id\":\"" + THREAD + "\"}"), "Thanks", "k2");

    wm.verify(1, postRequestedFor(urlPathEqualTo("/v19.0/" + THREAD + "/replies")));
  }

  @Test
  void replyWithoutAnIdInTheAnswerIsMalformed() {
    wm.stubFor(post(anyUrl()).willReturn(okJson("{}")));

    assertThatThrownBy(() -> instagram().reply(comment(THREAD, "{}"), "Thanks", "k3"))
        .isInstanceOf(uk.nhs.triage.adapters.MalformedPageException.class)
        .hasMessageContaining("ig-main");
  }

  @Test
  void hideSetsHideOnce() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/v19.0/" + THREAD))
            .willReturn(okJson(fixture("hide_comment_success.json"))));

    instagram().hide(comment(THREAD, "{}"));

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v19.0/" + THREAD))
            .withFormParam("hide", equalTo("true")));
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  private static Comment comment(String id, String raw) {
    return new Comment("instagram", id, "ig-main", Author.UNKNOWN, "text", NOW, null, MEDIA, raw);
  }
}
