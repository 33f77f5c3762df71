package uk.nhs.triage.adapters.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.SocialFixtures;
import uk.nhs.triage.adapters.SourceAdapter;

/**
 * How every Graph adapter fails: the same signals from Facebook and Instagram, each turned into the
 * exception the scheduler acts on, with a message that names the account and never the token.
 */
public abstract class GraphFailureContract {
  protected static final String TOKEN = "EAAGtestSECRETtoken123";
  protected static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");
  protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  protected abstract WireMockExtension wm();

  /** Our account id; every message must name it. */
  protected abstract String accountId();

  protected abstract String platform();

  protected abstract String handle();

  protected abstract String tokenKey();

  /** The first call of a poll, e.g. {@code /v19.0/{page-id}/posts}. */
  protected abstract String listPath();

  protected abstract SourceAdapter adapter(AccountSettings settings, Clock clock);

  protected AccountSettings settings(Duration timeout) {
    return new AccountSettings(
        accountId(),
        platform(),
        handle(),
        wm().baseUrl() + "/v19.0",
        Map.of(tokenKey(), TOKEN),
        Map.of(),
        timeout);
  }

  /** Generous, so a loaded build machine does not turn a stubbed answer into a time-out. */
  protected static final Duration TIMEOUT = Duration.ofSeconds(5);

  protected SourceAdapter adapter() {
    return adapter(settings(TIMEOUT), CLOCK);
  }

  protected String fixture(String name) {
    return SocialFixtures.read(platform() + "/" + name);
  }

  /** A reply POSTed to {@code path} (e.g. {@code <comment-id>/replies}) is created. */
  protected void replyWillSucceed(String path) {
    wm().stubFor(
            post(urlPathEqualTo("/v19.0/" + path))
                .willReturn(okJson(fixture("reply_success.json"))));
  }

  /** A Graph error answer: the status, JSON content type and the platform's error fixture. */
  private ResponseDefinitionBuilder jsonError(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(fixture(fixture));
  }

  private void listAnswers(ResponseDefinitionBuilder r) {
    wm().stubFor(get(urlPathEqualTo(listPath())).willReturn(r));
  }

  private void assertSafeMessage(Throwable e) {
    assertThat(e.getMessage()).contains("account " + accountId()).doesNotContain(TOKEN);
  }

  @Test
  void aThrottleErrorWaitsAsLongAsTheUsageHeaderSays() {
    listAnswers(
        jsonError(400, "rate_limit.json")
            .withHeader(
                "X-Business-Use-Case-Usage",
                "{\"104857600000001\":[{\"type\":\""
                    + platform()
                    + "\",\"call_count\":100,\"total_cputime\":12,\"total_time\":30,"
                    + "\"estimated_time_to_regain_access\":17}]}"));

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.resetAt()).isEqualTo(NOW.plus(Duration.ofMinutes(17)));
              assertThat(e.getMessage()).contains("rate limited").contains(listPath());
              assertSafeMessage(e);
            });
  }

  @Test
  void aThrottleErrorWithoutUsageHeadersWaitsTheDefaultBackoff() {
    listAnswers(jsonError(403, "rate_limit.json"));

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.resetAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15))));
  }

  @Test
  void anExpiredTokenIsAnAuthFailure() {
    listAnswers(
        jsonError(400, "auth_error.json")
            .withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\""));

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOfSatisfying(
            AuthFailedException.class,
            e -> {
              assertThat(e.getMessage()).contains("token expired or revoked").contains("190");
              assertSafeMessage(e);
            });
  }

  @Test
  void aBare401IsAnAuthFailure() {
    listAnswers(aResponse().withStatus(401).withBody("Unauthorized"));

    assertThatThrownBy(() -> adapter().poll(null)).isInstanceOf(AuthFailedException.class);
  }

  @Test
  void aMissingTokenIsAnAuthFailureBeforeAnyCall() {
    AccountSettings noToken =
        new AccountSettings(
            accountId(),
            platform(),
            handle(),
            wm().baseUrl() + "/v19.0",
            Map.of(),
            Map.of(),
            TIMEOUT);

    assertThatThrownBy(() -> adapter(noToken, CLOCK).poll(null))
        .isInstanceOf(AuthFailedException.class)
        .hasMessageContaining(tokenKey())
        .hasMessageContaining(accountId());
    assertThat(wm().getAllServeEvents()).isEmpty();
  }

  @Test
  void aServerErrorIsAPlainFailureToRetry() {
    listAnswers(jsonError(500, "server_error.json"));

    assertThatThrownBy(() -> adapter().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .satisfies(this::assertSafeMessage)
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void aConnectionResetIsAPlainFailureToRetry() {
    listAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThatThrownBy(() -> adapter().poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .satisfies(this::assertSafeMessage);
  }

  @Test
  void aSlowAnswerTimesOut() {
    listAnswers(okJson(fixture("wrong_shape.json")).withFixedDelay(3_000));
    SourceAdapter impatient = adapter(settings(Duration.ofMillis(500)), CLOCK);

    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.poll(null))
        .isExactlyInstanceOf(AdapterException.class)
        .hasMessageContaining("timed out")
        .satisfies(this::assertSafeMessage);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void aTruncatedBodyIsAMalformedPage() {
    String whole = fixture("comments_page1.json");
    listAnswers(okJson(whole.substring(0, whole.length() / 2)));

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOf(MalformedPageException.class)
        .satisfies(this::assertSafeMessage);
  }

  @Test
  void jsonOfTheWrongShapeIsAMalformedPage() {
    listAnswers(okJson(fixture("wrong_shape.json")));

    assertThatThrownBy(() -> adapter().poll(null))
        .isInstanceOf(MalformedPageException.class)
        .hasMessageContaining("\"data\"")
        .satisfies(this::assertSafeMessage);
  }

  @Test
  void aStoredCursorThatIsNotAWatermarkSaysSo() {
    assertThatThrownBy(() -> adapter().poll("12345"))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("cursor")
        .hasMessageContaining(accountId());
  }
}
