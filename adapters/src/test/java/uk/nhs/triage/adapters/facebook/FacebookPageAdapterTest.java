package uk.nhs.triage.adapters.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.graph.GraphFailureContract;

class FacebookPageAdapterTest extends GraphFailureContract {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PAGE_ID = "104857600000001";
  private static final String POST_A = "104857600000001_771100000000905";
  private static final String POST_B = "104857600000001_771100000000906";

  @Override
  protected WireMockExtension wm() {
    return wm;
  }

  @Override
  protected String accountId() {
    return "fb-main";
  }

  @Override
  protected String platform() {
    return "facebook";
  }

  @Override
  protected String handle() {
    return PAGE_ID;
  }

  @Override
  protected String tokenKey() {
    return "page_access_token";
  }

  @Override
  protected String listPath() {
    return "/v19.0/" + PAGE_ID + "/posts";
  }

  @Override
  protected SourceAdapter adapter(AccountSettings settings, Clock clock) {
    return new FacebookPageAdapter(settings, clock);
  }

  private FacebookPageAdapter facebook() {
    return new FacebookPageAdapter(settings(TIMEOUT), CLOCK);
  }

  private void stubPosts() {
    wm.stubFor(
        get(urlPathEqualTo(listPath()))
            .withQueryParam("access_token", equalTo(TOKEN))
            .withQueryParam(
                "since", equalTo(String.valueOf(NOW.minus(Duration.ofDays(28)).getEpochSecond())))
            .willReturn(okJson(fixture("posts.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_B + "/comments"))
            .willReturn(okJson(fixture("comments_empty.json"))));
  }

  private void stubCommentsOnPostA(String firstPage) {
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("filter", equalTo("stream"))
            .withQueryParam("access_token", equalTo(TOKEN))
            .withQueryParam("after", absent())
            .willReturn(okJson(fixture(firstPage))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("after", equalTo("QVFIUmFmdGVy"))
            .willReturn(okJson(fixture("comments_page2.json"))));
  }

  @Test
  void readsEveryPostsCommentsAndRepliesAcrossPagesOldestFirst() throws Exception {
    stubPosts();
    stubCommentsOnPostA("comments_page1.json");

    Page page = facebook().poll(null);

    assertThat(page.comments())
        .extracting(Comment::externalId)
        .containsExactly(
            "771100000000905_881200000000501",
            "771100000000905_881200000000502",
            "771100000000905_881200000000503");
    assertThat(page.more()).isFalse();
    assertThat(page.problems()).isEmpty();

    Comment complaint = page.comments().get(1);
    assertThat(complaint.platform()).isEqualTo("facebook");
    assertThat(complaint.accountId()).isEqualTo("fb-main");
    assertThat(complaint.author()).isEqualTo(new Author("6650000000000102", null, "Sam Okafor"));
    assertThat(complaint.text()).startsWith("The car park was full");
    assertThat(complaint.createdAt()).isEqualTo(Instant.parse("2024-06-02T10:05:13Z"));
    assertThat(complaint.url()).endsWith("comment_id=881200000000502");
    assertThat(complaint.inReplyToId()).isEqualTo(POST_A);
    assertThat(complaint.rawPayload()).contains("\"id\":\"771100000000905_881200000000502\"");

    Comment reply = page.comments().get(2);
    assertThat(reply.inReplyToId()).isEqualTo("771100000000905_881200000000501");
    assertThat(page.comments().get(0).author()).isEqualTo(Author.UNKNOWN);

    assertThat(page.cursor()).contains("\"newest\":\"2024-06-02T10:07:00Z\"");
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("after", equalTo("QVFIUmFmdGVy")));
  }

  @Test
  void aSecondPollWithTheCursorBringsNothingAlreadySeen() throws Exception {
    stubPosts();
    stubCommentsOnPostA("comments_page1.json");
    Page first = facebook().poll(null);

    Page second = facebook().poll(first.cursor());

    assertThat(second.comments()).isEmpty();
    assertThat(second.cursor()).isEqualTo(first.cursor());
  }

  @Test
  void aLaterPollBringsOnlyTheNewCommentEvenInTheWatermarksSecondAndStopsReading()
      throws Exception {
    stubPosts();
    stubCommentsOnPostA("comments_page1.json");
    String cursor = facebook().poll(null).cursor();
    wm.resetAll();
    stubPosts();
    stubCommentsOnPostA("comments_later.json");
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("after", equalTo("TGF0ZXI"))
            .willReturn(aResponse().withStatus(500)));

    Page later = facebook().poll(cursor);

    assertThat(later.comments())
        .extracting(Comment::externalId)
        .containsExactly("771100000000905_881200000000504");
    assertThat(later.cursor())
        .contains("771100000000905_881200000000503", "771100000000905_881200000000504");
    wm.verify(
        0,
        getRequestedFor(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("after", equalTo("TGF0ZXI")));
  }

  @Test
  void aPageThatFailsMidwayReturnsNothing() {
    stubPosts();
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("after", absent())
            .willReturn(okJson(fixture("comments_page1.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .withQueryParam("after", equalTo("QVFIUmFmdGVy"))
            .willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> facebook().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("after=QVFIUmFmdGVy")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void aCommentWithAnUnreadableDateIsPassedOverAndReported() throws Exception {
    stubPosts();
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + POST_A + "/comments"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"905_1\",\"message\":\"hi\",\"created_time\":\"1715679662\"},"
                        + "{\"id\":\"905_2\",\"message\":\"ok\","
                        + "\"created_time\":\"2024-06-02T10:00:00+0000\"}]}")));

    Page page = facebook().poll(null);

    assertThat(page.comments()).extracting(Comment::externalId).containsExactly("905_2");
    assertThat(page.problems()).singleElement().asString().contains("905_1", "1715679662");
  }

  @Test
  void replySendsTheMessageOnceUnderTheComment() throws Exception {
    String target = "771100000000905_881200000000502";
    replyWillSucceed(target + "/comments");

    String id =
        facebook()
            .reply(comment(target, "{\"id\":\"" + target + "\"}"), "Sorry to hear this.", "k1");

    assertThat(id).isEqualTo("771100000000905_881200000000600");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v19.0/" + target + "/comments"))
            .withQueryParam("access_token", equalTo(TOKEN))
            .withFormParam("message", equalTo("Sorry to hear this.")));
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void replyToAReplyGoesToItsTopLevelComment() throws Exception {
    String parent = "771100000000905_881200000000501";
    replyWillSucceed(parent + "/comments");

    facebook()
        .reply(
            comment("771100000000905_881200000000503", "{\"parent\":{\"id\":\"" + parent + "\"}}"),
            "Glad it helped.",
            "k2");

    wm.verify(1, postRequestedFor(urlPathEqualTo("/v19.0/" + parent + "/comments")));
  }

  @Test
  void hideSetsIsHiddenOnce() throws Exception {
    String target = "771100000000905_881200000000502";
    wm.stubFor(
        post(urlPathEqualTo("/v19.0/" + target))
            .willReturn(okJson(fixture("hide_comment_success.json"))));

    facebook().hide(comment(target, "{}"));

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v19.0/" + target))
            .withFormParam("is_hidden", equalTo("true")));
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void hideThatIsNotConfirmedFails() {
    String target = "771100000000905_881200000000502";
    wm.stubFor(post(urlPathEqualTo("/v19.0/" + target)).willReturn(okJson("{\"success\":false}")));

    assertThatThrownBy(() -> facebook().hide(comment(target, "{}")))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("fb-main")
        .hasMessageNotContaining(TOKEN);
  }

  private static Comment comment(String id, String raw) {
    return new Comment("facebook", id, "fb-main", Author.UNKNOWN, "text", NOW, null, POST_A, raw);
  }

  @Test
  void commentsOnEveryListedPostAreRead() throws Exception {
    stubPosts();
    stubCommentsOnPostA("comments_page1.json");

    facebook().poll(null);

    for (String post : List.of(POST_A, POST_B)) {
      wm.verify(
          getRequestedFor(urlPathEqualTo("/v19.0/" + post + "/comments"))
              .withQueryParam("order", equalTo("reverse_chronological")));
    }
  }
}
