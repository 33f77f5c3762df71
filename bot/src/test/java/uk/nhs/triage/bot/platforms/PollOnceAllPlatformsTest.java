package uk.nhs.triage.bot.platforms;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.store.AccountHealthView;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * {@code poll --once} over one account of every platform, each stubbed by one WireMock server,
 * through the real config loading into PostgreSQL; run twice, the second run adds nothing.
 */
class PollOnceAllPlatformsTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final WireMockServer WM = new WireMockServer(wireMockConfig().dynamicPort());
  private static final Clock MONDAY_MORNING =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private static final long DEMO_FEED = 70;

  @TempDir static Path folder;

  @BeforeAll
  static void startStubs() {
    WM.start();
    PlatformStubs.stubAll(WM);
  }

  @AfterAll
  static void stopStubs() {
    WM.stop();
  }

  @Test
  void everyPlatformIsPolledIntoTheDatabaseOnce() {
    String accounts =
        Stream.of("x", "facebook", "instagram", "youtube", "bluesky", "replay")
            .map(p -> PlatformStubs.account(p, WM.baseUrl(), Duration.ofMinutes(2)))
            .collect(Collectors.joining());
    Path file = PlatformStubs.writeConfig(folder, accounts);
    TriageConfig config = TriageConfig.load(file, PlatformStubs.ENVIRONMENT);
    TriageBot bot =
        TriageBot.start(
            Wiring.of(config), DB.database(), PlatformStubs.ENVIRONMENT, MONDAY_MORNING);

    Map<String, AccountPollResult> first = byAccount(bot.pollOnce());

    assertThat(first).hasSize(6);
    assertThat(first.values())
        .allSatisfy(r -> assertThat(r.succeeded()).as(r.accountId() + ": " + r.error()).isTrue());
    for (String social :
        List.of("x-main", "facebook-page", "instagram-main", "youtube-channel", "bluesky-main")) {
      assertThat(first.get(social).stored())
          .as(social)
          .isEqualTo(PlatformStubs.COMMENTS_PER_ACCOUNT);
    }
    assertThat(first.get("demo").stored()).isEqualTo(DEMO_FEED);
    long comments = 5 * PlatformStubs.COMMENTS_PER_ACCOUNT + DEMO_FEED;
    assertThat(DB.count("SELECT count(*) FROM comment")).isEqualTo(comments);
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(comments);
    assertThat(DB.count("SELECT count(DISTINCT platform) FROM comment")).isEqualTo(6);
    long outbox = DB.count("SELECT count(*) FROM outbox");
    long foi = DB.count("SELECT count(*) FROM foi_case");
    long media = DB.count("SELECT count(*) FROM media_enquiry");
    assertThat(outbox).isPositive();

    Map<String, AccountPollResult> second = byAccount(bot.pollOnce());

    assertThat(second.values()).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
    assertThat(second.values()).allSatisfy(r -> assertThat(r.stored()).isZero());
    assertThat(DB.count("SELECT count(*) FROM comment")).isEqualTo(comments);
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(comments);
    assertThat(DB.count("SELECT count(*) FROM outbox")).isEqualTo(outbox);
    assertThat(DB.count("SELECT count(*) FROM foi_case")).isEqualTo(foi);
    assertThat(DB.count("SELECT count(*) FROM media_enquiry")).isEqualTo(media);
    assertThat(DB.count("SELECT sum(comments_seen) FROM account")).isEqualTo(comments);

    // Account figures were read once, on the first poll; the replay feed has none.
    Map<String, AccountHealthView> health =
        bot.store().accountHealth(MONDAY_MORNING.instant()).stream()
            .collect(Collectors.toMap(AccountHealthView::accountId, h -> h));
    assertThat(health.get("x-main").followers()).isEqualTo(5120);
    assertThat(health.get("facebook-page").followers()).isEqualTo(87);
    assertThat(health.get("facebook-page").lowInterest()).isFalse(); // age unknown until 6 months
    assertThat(health.get("instagram-main").followers()).isEqualTo(1500);
    assertThat(health.get("youtube-channel").followers()).isEqualTo(64);
    assertThat(health.get("youtube-channel").lowInterest()).isTrue(); // opened 2019, 64 subscribers
    assertThat(health.get("bluesky-main").followers()).isEqualTo(42);
    assertThat(health.get("bluesky-main").postsLast8Weeks()).isZero();
    assertThat(health.get("bluesky-main").inactive()).isTrue();
    assertThat(health.get("demo").followers()).isNull();
    assertThat(health.values()).allSatisfy(h -> assertThat(h.healthy()).isTrue());
    assertThat(
            WM.findAll(
                    com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                            "/xrpc/app.bsky.actor.getProfile")))
                .size())
        .isEqualTo(1);
  }

  private static Map<String, AccountPollResult> byAccount(List<AccountPollResult> results) {
    return results.stream().collect(Collectors.toMap(AccountPollResult::accountId, r -> r));
  }
}
