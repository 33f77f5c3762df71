package uk.nhs.triage.bot.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.cli.PollSummary;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.pipeline.AccountPollResult.Outcome;
import uk.nhs.triage.bot.store.AccountHealthView;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * What one account's trouble does to it and to the others: a rate limit pauses it until the reset,
 * a refused token marks it unhealthy until a poll succeeds, an unreadable page leaves its cursor,
 * and none of these stops the other accounts.
 */
class AccountFailuresTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant RESET = Instant.parse("2026-11-23T10:15:00Z");
  private static final String MENTIONS = "/2/users/" + PlatformStubs.X_USER + "/mentions";

  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  @TempDir Path folder;
  private TriageConfig config;

  @BeforeEach
  void start() {
    wm.start();
    PlatformStubs.stubAll(wm);
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "TRUNCATE account, author, comment, classification, triage_item, foi_case,"
                        + " media_enquiry, outbox, account_health CASCADE"));
    String accounts =
        PlatformStubs.account("x", wm.baseUrl(), Duration.ofMinutes(2))
            + PlatformStubs.account("facebook", wm.baseUrl(), Duration.ofMinutes(2))
            + PlatformStubs.account("youtube", wm.baseUrl(), Duration.ofMinutes(2));
    config =
        TriageConfig.load(PlatformStubs.writeConfig(folder, accounts), PlatformStubs.ENVIRONMENT);
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private TriageBot bot(Instant at) {
    return TriageBot.start(
        Wiring.of(config),
        DB.database(),
        PlatformStubs.ENVIRONMENT,
        Clock.fixed(at, ZoneOffset.UTC));
  }

  @Test
  void aRateLimitedAccountWaitsForItsResetWhileTheOthersGoOn() {
    wm.stubFor(
        get(urlPathEqualTo(MENTIONS))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-rate-limit-reset", Long.toString(RESET.getEpochSecond()))
                    .withBody(
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\","
                            + "\"type\":\"about:blank\",\"status\":429}")));

    Map<String, AccountPollResult> first = byAccount(bot(NOW).pollOnce());

    assertThat(first.get("x-main").outcome()).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(first.get("x-main").retryAt()).isEqualTo(RESET);
    assertThat(first.get("facebook-page").stored()).isEqualTo(2);
    assertThat(DB.strings("SELECT rate_limited_until::text FROM account WHERE id = 'x-main'"))
        .containsExactly("2026-11-23 10:15:00+00");
    assertThat(healthOf("x-main").rateLimitedUntil()).isEqualTo(RESET);
    assertThat(healthOf("x-main").healthy()).isTrue();

    // Five minutes later: x is left alone, with a line saying so; the others are polled.
    List<AccountPollResult> second = bot(NOW.plus(Duration.ofMinutes(5))).pollOnce();
    Map<String, AccountPollResult> byId = byAccount(second);
    assertThat(byId.get("x-main").outcome()).isEqualTo(Outcome.SKIPPED_RATE_LIMITED);
    assertThat(byId.get("facebook-page").outcome()).isEqualTo(Outcome.OK);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(MENTIONS)))).hasSize(1);
    assertThat(summary(second))
        .contains(
            "account x-main               RATE LIMITED until 2026-11-23T10:15:00Z: not polled");
    assertThat(second.stream().allMatch(AccountPollResult::acceptable)).isTrue();

    // After the reset it is polled again, and a success clears the limit.
    wm.resetToDefaultMappings();
    PlatformStubs.stubAll(wm);
    Map<String, AccountPollResult> third =
        byAccount(bot(RESET.plus(Duration.ofMinutes(1))).pollOnce());
    assertThat(third.get("x-main").stored()).isEqualTo(2);
    assertThat(healthOf("x-main").rateLimitedUntil()).isNull();
  }

  @Test
  void aRefusedTokenMarksOnlyThatAccountUnhealthyUntilItsNextSuccess() {
    wm.stubFor(
        get(urlPathEqualTo("/v19.0/" + PlatformStubs.FB_PAGE + "/posts"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Error validating access token: Session has"
                            + " expired\",\"type\":\"OAuthException\",\"code\":190,"
                            + "\"error_subcode\":463}}")));

    List<AccountPollResult> first = bot(NOW).pollOnce();
    Map<String, AccountPollResult> byId = byAccount(first);

    assertThat(byId.get("facebook-page").outcome()).isEqualTo(Outcome.AUTH_FAILED);
    assertThat(byId.get("x-main").stored()).isEqualTo(2);
    assertThat(byId.get("youtube-channel").stored()).isEqualTo(2);
    AccountHealthView facebook = healthOf("facebook-page");
    assertThat(facebook.healthy()).isFalse();
    assertThat(facebook.lastError())
        .startsWith("authentication failed: account facebook-page")
        .contains("access_token=***")
        .doesNotContain("fb-token");
    assertThat(facebook.consecutiveFailures()).isEqualTo(1);
    assertThat(healthOf("x-main").healthy()).isTrue();
    assertThat(summary(first)).contains("AUTH FAILED (account marked unhealthy)");

    wm.resetToDefaultMappings();
    PlatformStubs.stubAll(wm);
    bot(NOW.plus(Duration.ofMinutes(2))).pollOnce();

    facebook = healthOf("facebook-page");
    assertThat(facebook.healthy()).isTrue();
    assertThat(facebook.lastError()).isNull();
    assertThat(facebook.consecutiveFailures()).isZero();
    assertThat(DB.count("SELECT comments_seen FROM account WHERE id = 'facebook-page'"))
        .isEqualTo(2);
  }

  @Test
  void anUnreadablePageLeavesTheCursorAndIsRetriedNextCycle() {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/commentThreads"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [ {\"kind\": \"youtube#commentThr")));

    Map<String, AccountPollResult> first = byAccount(bot(NOW).pollOnce());

    AccountPollResult youtube = first.get("youtube-channel");
    assertThat(youtube.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(youtube.error())
        .startsWith("unreadable page: account youtube-channel: GET ")
        .contains("key=***")
        .doesNotContain("yt-key");
    assertThat(DB.strings("SELECT coalesce(cursor, '-') FROM account WHERE id = 'youtube-channel'"))
        .containsExactly("-");
    assertThat(first.get("x-main").stored()).isEqualTo(2);

    wm.resetToDefaultMappings();
    PlatformStubs.stubAll(wm);
    Map<String, AccountPollResult> next =
        byAccount(bot(NOW.plus(Duration.ofMinutes(2))).pollOnce());
    assertThat(next.get("youtube-channel").stored()).isEqualTo(2);
  }

  @Test
  void anAccountWhoseAdapterCannotOpenFailsAloneAndIsNamed() {
    String accounts =
        PlatformStubs.account("x", wm.baseUrl(), Duration.ofMinutes(2))
                .replace("user_id: \"" + PlatformStubs.X_USER + "\"", "user_id: \"not-a-number\"")
            + PlatformStubs.account("facebook", wm.baseUrl(), Duration.ofMinutes(2));
    config =
        TriageConfig.load(PlatformStubs.writeConfig(folder, accounts), PlatformStubs.ENVIRONMENT);

    Map<String, AccountPollResult> results = byAccount(bot(NOW).pollOnce());

    assertThat(results.get("x-main").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(results.get("x-main").error()).contains("user_id").contains("not-a-number");
    assertThat(results.get("facebook-page").stored()).isEqualTo(2);
    assertThat(healthOf("x-main").healthy()).isFalse();
  }

  @Test
  void accountFiguresThatCannotBeReadNeverFailThePollAndWaitADay() {
    wm.stubFor(
        get(urlPathEqualTo("/2/users/" + PlatformStubs.X_USER))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));

    Map<String, AccountPollResult> first = byAccount(bot(NOW).pollOnce());
    bot(NOW.plus(Duration.ofHours(1))).pollOnce();

    assertThat(first.get("x-main").outcome()).isEqualTo(Outcome.OK);
    AccountHealthView x = healthOf("x-main");
    assertThat(x.healthy()).isTrue();
    assertThat(x.followers()).isNull();
    assertThat(x.statsError()).contains("account x-main").contains("503");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2/users/" + PlatformStubs.X_USER))))
        .hasSize(1);

    bot(NOW.plus(Duration.ofHours(25))).pollOnce();
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2/users/" + PlatformStubs.X_USER))))
        .hasSize(2);
  }

  private AccountHealthView healthOf(String accountId) {
    return DB.store().accountHealth(NOW).stream()
        .filter(h -> h.accountId().equals(accountId))
        .findFirst()
        .orElseThrow();
  }

  private static String summary(List<AccountPollResult> results) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PollSummary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), results);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, AccountPollResult> byAccount(List<AccountPollResult> results) {
    return results.stream().collect(Collectors.toMap(AccountPollResult::accountId, r -> r));
  }
}
