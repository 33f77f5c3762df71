package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path temp;

  @Test
  void anEmbeddedDatabaseKeepsItsDataInItsFolderAcrossRestarts() {
    Path dataDir = temp.resolve("pgdata");
    try (Database db = Database.embedded(dataDir)) {
      db.migrate();
      new TriageStore(db.jdbi(), TestDatabase.mapper()).registerAccount("acc-e", "x", "NHS");
      new TriageStore(db.jdbi(), TestDatabase.mapper()).saveBatch("acc-e", List.of(), "kept");
    }
    try (Database db = Database.embedded(dataDir)) {
      db.migrate();
      assertThat(new TriageStore(db.jdbi(), TestDatabase.mapper()).cursor("acc-e"))
          .contains("kept");
    }
  }

  @Test
  void anEmbeddedDatabaseThatCannotStartSaysWhyAndHowToUseAnotherServer() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

    assertThatThrownBy(() -> Database.embedded(file))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is a file, not a folder")
        .hasMessageContaining("TRIAGE_DB_URL")
        .hasMessageContaining("TRIAGE_DB_USER")
        .hasMessageContaining("TRIAGE_DB_PASSWORD");
  }

  @Test
  void aServerThatCannotBeReachedIsReportedWithoutThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/triage?password=s3cret";

    assertThatThrownBy(() -> Database.connect(url, "bot", "hunter2"))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageContaining("'bot'")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theEnvironmentChoosesAnExternalServerWhenTriageDbUrlIsSet() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path file = Files.writeString(temp.resolve("data-file"), "x");

    assertThatThrownBy(
            () ->
                Database.fromEnvironment(
                    Map.of(
                        "TRIAGE_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/triage",
                        "TRIAGE_DB_USER", "bot",
                        "TRIAGE_DB_PASSWORD", "pw"),
                    file))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:");
    assertThatThrownBy(() -> Database.fromEnvironment(Map.of("TRIAGE_DB_URL", " "), file))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith("Cannot start the embedded PostgreSQL");
  }
}
