package uk.nhs.triage.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.bench.ReplayConfig;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.web.CrisisRule;
import uk.nhs.triage.bot.web.WebServer;
import uk.nhs.triage.bot.web.WebSettings;

/**
 * PostgreSQL stopped and started again under a running bot: polls fail cleanly and say so, the
 * health check answers 503, and once the server is back the same bot (no restart) catches up with
 * everything that arrived meanwhile, storing nothing twice.
 */
class DatabaseRestartTest {
  @TempDir Path folder;

  @Test
  void theBotReportsTheOutageAndRecoversWithoutARestartOrALoss() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = Files.createDirectories(folder.resolve("pgdata"));
    Path feed = folder.resolve("feed.jsonl");
    append(feed, 0, 5);
    Path config = ReplayConfig.write(folder, Path.of("..", "config"), Map.of("replay", feed));

    EmbeddedPostgres server = start(data, port);
    Database database =
        Database.connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    TriageBot bot =
        TriageBot.start(
            Wiring.of(TriageConfig.load(config, Map.of())), database, Map.of(), Clock.systemUTC());
    WebServer web =
        WebServer.forBot(
            new WebSettings(
                "127.0.0.1",
                0,
                false,
                Duration.ofHours(1),
                Path.of("..", "config", "reply-checks.txt"),
                CrisisRule.DEFAULT),
            Wiring.of(TriageConfig.load(config, Map.of())),
            bot);
    try {
      assertThat(bot.pollOnce())
          .singleElement()
          .satisfies(r -> assertThat(r.stored()).isEqualTo(5));
      assertThat(health(web)).isEqualTo(200);

      server.close();
      append(feed, 5, 3);
      AccountPollResult during = bot.pollOnce().get(0);
      assertThat(during.succeeded()).isFalse();
      assertThat(during.error()).isNotBlank();
      assertThat(health(web)).isEqualTo(503);

      server = start(data, port);
      // A pooled connection from before the restart may fail once; the next cycle gets a new one.
      AccountPollResult after = bot.pollOnce().get(0);
      for (int cycle = 0; cycle < 3 && !after.succeeded(); cycle++) {
        after = bot.pollOnce().get(0);
      }
      assertThat(after.succeeded()).as(String.valueOf(after.error())).isTrue();
      assertThat(after.stored()).isEqualTo(3);
      assertThat(health(web)).isEqualTo(200);
      long items =
          database
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT count(*) FROM triage_item").mapTo(Long.class).one());
      assertThat(items).isEqualTo(8);
    } finally {
      web.close();
      database.close();
      server.close();
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(30))
        .start();
  }

  private static int health(WebServer web) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/health"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static void append(Path feed, int from, int count) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      lines
          .append("{\"id\":\"r")
          .append(i)
          .append("\",\"text\":\"Comment ")
          .append(i)
          .append(" about the walk-in centre\"}\n");
    }
    Files.writeString(
        feed, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
