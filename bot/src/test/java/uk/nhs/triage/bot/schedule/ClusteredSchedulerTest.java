package uk.nhs.triage.bot.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.platforms.PlatformStubs;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * Two {@code run} processes (two bots, two connection pools, two Quartz schedulers) on one
 * database, polling one Facebook Page every second: each comment is stored and routed once, and the
 * Page is never polled by both at the same time.
 */
class ClusteredSchedulerTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final String POSTS = "/v19.0/" + PlatformStubs.FB_PAGE + "/posts";

  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private final List<AutoCloseable> opened = new ArrayList<>();
  @TempDir Path folder;

  @BeforeEach
  void start() {
    wm.start();
    PlatformStubs.stubFacebook(wm);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
    wm.stop();
  }

  private PollScheduler node(TriageConfig config, String name) throws Exception {
    Database database = DB.connectAgain();
    opened.add(database);
    TriageBot bot =
        TriageBot.start(Wiring.of(config), database, PlatformStubs.ENVIRONMENT, Clock.systemUTC());
    PollScheduler scheduler = new PollScheduler(bot, database.dataSource(), name);
    opened.add(scheduler);
    scheduler.schedule(bot.accounts());
    return scheduler;
  }

  @Test
  void twoProcessesShareOneAccountWithoutPollingItTwiceAtOnce() throws Exception {
    TriageConfig config =
        TriageConfig.load(
            PlatformStubs.writeConfig(
                folder, PlatformStubs.account("facebook", wm.baseUrl(), Duration.ofSeconds(1))),
            PlatformStubs.ENVIRONMENT);
    PollScheduler a = node(config, "node-a");
    PollScheduler b = node(config, "node-b");

    long started = System.nanoTime();
    a.start();
    b.start();
    Thread.sleep(6_000);
    a.close();
    b.close();
    double seconds = (System.nanoTime() - started) / 1e9;

    // Every comment once, with its triage item and its notifications once.
    assertThat(DB.count("SELECT count(*) FROM comment")).isEqualTo(2);
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(2);
    assertThat(DB.count("SELECT count(*) FROM outbox"))
        .isEqualTo(
            DB.count("SELECT count(*) FROM triage_item, unnest(queues) q WHERE q <> 'COMMS'"));
    assertThat(DB.count("SELECT comments_seen FROM account")).isEqualTo(2);

    // A poll reads the Page's posts (with "since"), then the post's comments. Polls one at a time
    // show as posts, comments, posts, comments... in the request log; two at once would not.
    List<LoggedRequest> polls = new ArrayList<>();
    polls.addAll(
        wm.findAll(getRequestedFor(urlPathEqualTo(POSTS)).withQueryParam("since", matching(".+"))));
    polls.addAll(wm.findAll(getRequestedFor(urlPathMatching("/v19.0/.+_.+/comments"))));
    polls.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    long pollCount = polls.stream().filter(r -> r.getUrl().startsWith(POSTS)).count();
    assertThat(pollCount).isBetween(2L, (long) Math.ceil(seconds) + 2);
    for (int i = 0; i < polls.size(); i++) {
      boolean expectPosts = i % 2 == 0;
      assertThat(polls.get(i).getUrl().startsWith(POSTS))
          .as("request %d of %d: %s", i + 1, polls.size(), polls.get(i).getUrl())
          .isEqualTo(expectPosts);
    }
  }
}
