package uk.nhs.triage.bot.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.platforms.PlatformStubs;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * {@code run} in its own process, stopped with SIGTERM in the middle of a poll: the poll finishes
 * and is saved before the scheduler and the database close and the process ends.
 */
class RunShutdownTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  @TempDir Path folder;

  @BeforeEach
  void start() {
    wm.start();
    PlatformStubs.stubFacebook(wm);
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void sigtermLetsTheRunningPollFinishThenStops() throws Exception {
    // The Page's comments arrive slowly, so SIGTERM lands while a poll is waiting for them.
    String comments =
        wm.getStubMappings().stream()
            .filter(m -> m.getRequest().getUrlPath().endsWith("/comments"))
            .findFirst()
            .orElseThrow()
            .getResponse()
            .getBody();
    wm.stubFor(
        get(urlPathMatching("/v19.0/.+_.+/comments"))
            .atPriority(1)
            .willReturn(okJson(comments).withFixedDelay(3_000)));
    Path config =
        PlatformStubs.writeConfig(
            folder, PlatformStubs.account("facebook", wm.baseUrl(), Duration.ofMinutes(5)));
    Files.copy(Path.of("..", "config", "reply-checks.txt"), folder.resolve("reply-checks.txt"));
    Path output = folder.resolve("run.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "uk.nhs.triage.bot.Main",
                    "run",
                    "--config",
                    config.toString(),
                    "--instance",
                    "shutdown-test",
                    "--port",
                    "0"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(DB.environment());
    builder.environment().putAll(PlatformStubs.ENVIRONMENT);
    Process run = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (wm.findAll(getRequestedFor(urlPathMatching("/v19.0/.+_.+/comments"))).isEmpty()) {
        assertThat(run.isAlive()).as(Files.readString(output)).isTrue();
        assertThat(System.nanoTime())
            .as("no poll started within a minute:%n%s", Files.readString(output))
            .isLessThan(deadline);
        Thread.sleep(100);
      }

      run.destroy(); // SIGTERM

      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      run.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(log)
        .contains("Stopping: waiting for running polls to finish.")
        .contains("account facebook-page: ok, 2 comments fetched, 2 new")
        .contains("Stopped: scheduler, web app and database closed.");
    assertThat(log.indexOf("2 new")).isLessThan(log.indexOf("Stopped:"));
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(2);
  }
}
