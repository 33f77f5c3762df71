package uk.nhs.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.routing.Queue;

class TriageConfigTest {
  static final Path EXAMPLE = Path.of("../config/triage.example.yml");

  @TempDir Path dir;
  Path file;

  static final String ORGANISATION =
      """
      organisation:
        name: NHS Test ICB
        pals_phone: 0300 000 0000
        pals_email: pals@test.nhs.uk
        foi_email: foi@test.nhs.uk
      """;

  @BeforeEach
  void folders() throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("calendar"));
    Files.writeString(dir.resolve("routing.yml"), "rules: {}\n");
    Files.writeString(
        dir.resolve("calendar/bank-holidays.csv"), "2026-12-25,england-and-wales,Christmas Day\n");
    file = dir.resolve("triage.yml");
  }

  @Test
  void exampleConfigLoadsWithNoSecretsSet() {
    TriageConfig config = TriageConfig.load(EXAMPLE, Map.of());

    assertThat(config.organisation().palsEmail()).isEqualTo("pals@example.nhs.uk");
    assertThat(config.database().embedded()).isTrue();
    assertThat(config.database().user()).isEqualTo("triage");
    assertThat(config.accounts())
        .extracting(Account::platform)
        .containsExactly("x", "facebook", "youtube", "replay");
    assertThat(config.enabledAccounts()).extracting(Account::id).containsExactly("demo");
    Account x = config.accounts().get(0);
    assertThat(x.credentials()).containsEntry("bearer_token", "X_BEARER_TOKEN");
    assertThat(x.pollInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.accounts().get(3).optionPath("file"))
        .isEqualTo(config.file().getParent().resolve("demo/feed.jsonl"));
    assertThat(config.routing()).isEqualTo(config.file().getParent().resolve("routing.yml"));
    assertThat(config.templates()).isDirectory();
    assertThat(config.destinations())
        .containsEntry(Queue.SAFEGUARDING, "safeguarding.lead@example.nhs.uk");
    assertThat(config.calendar().officeOpens()).isEqualTo(LocalTime.of(9, 0));
    assertThat(config.workingCalendar().zone().getId()).isEqualTo("Europe/London");
  }

  @Test
  void minimalConfigTakesDefaults() throws Exception {
    write(
        ORGANISATION + "accounts:\n  - {id: demo, platform: replay, options: {file: feed.json}}\n");
    TriageConfig config = TriageConfig.load(file, Map.of());

    Account demo = config.accounts().get(0);
    assertThat(demo.pollInterval()).isEqualTo(Duration.parse("PT2M"));
    assertThat(demo.baseUrl()).isNull();
    assertThat(demo.enabled()).isTrue();
    assertThat(config.rules()).isEqualTo(dir.resolve("rules"));
    assertThat(config.calendar().officeCloses()).isEqualTo(LocalTime.of(17, 0));
    assertThat(config.destinations()).isEmpty();
  }

  @Test
  void unknownKeyIsNamed() throws Exception {
    write(ORGANISATION + "acounts: []\n");
    assertFails().hasMessageContaining("triage.yml: acounts: unknown key");
  }

  @Test
  void wrongTypeIsNamed() throws Exception {
    write(
        ORGANISATION
            + "accounts:\n  - id: x1\n    platform: x\n    handle: h\n    poll_interval: every two minutes\n");
    assertFails()
        .hasMessageContaining("accounts[0].poll_interval")
        .hasMessageContaining("expected an ISO-8601 duration");

    write(ORGANISATION + "accounts: x-main\n");
    assertFails().hasMessageContaining("accounts: expected a list but found 'x-main'");
  }

  @Test
  void missingRequiredKeyIsNamed() throws Exception {
    write(
        """
        organisation:
          name: NHS Test ICB
          pals_phone: 0300 000 0000
          foi_email: foi@test.nhs.uk
        accounts: []
        """);
    assertFails().hasMessageContaining("organisation.pals_email: missing required key");
  }

  @Test
  void unknownPlatformIsNamedWithItsIndex() throws Exception {
    write(
        ORGANISATION
            + """
            accounts:
              - {id: demo, platform: replay, options: {file: feed.json}}
              - {id: old, platform: myspace, handle: nhs}
            """);
    assertFails()
        .hasMessageContaining("accounts[1].platform: unknown platform 'myspace'")
        .hasMessageContaining("facebook");
  }

  @Test
  void duplicateAccountIdIsRefused() throws Exception {
    write(
        ORGANISATION
            + """
            accounts:
              - {id: demo, platform: replay, options: {file: a.json}}
              - {id: demo, platform: replay, options: {file: b.json}}
            """);
    assertFails().hasMessageContaining("accounts[1].id: duplicate account id 'demo'");
  }

  @Test
  void unreadablePathIsNamed() throws Exception {
    write(ORGANISATION + "templates: replies\naccounts: []\n");
    assertFails()
        .hasMessageContaining("templates: folder ")
        .hasMessageContaining("replies does not exist");
  }

  @Test
  void credentialEnvironmentVariableMustBeSetForAnEnabledAccount() throws Exception {
    write(
        ORGANISATION
            + """
            accounts:
              - id: x-main
                platform: x
                handle: NHSTest
                credentials: {bearer_token: TEST_X_TOKEN}
            """);
    assertFails()
        .hasMessageContaining("accounts[0].credentials.bearer_token")
        .hasMessageContaining("environment variable TEST_X_TOKEN is not set");

    TriageConfig config = TriageConfig.load(file, Map.of("TEST_X_TOKEN", "s3cret"));
    Account x = config.accounts().get(0);
    assertThat(x.resolveCredentials(Map.of("TEST_X_TOKEN", "s3cret")::get))
        .containsEntry("bearer_token", "s3cret");
  }

  @Test
  void aSecretWrittenIntoTheFileIsRefused() throws Exception {
    write(
        ORGANISATION
            + """
            accounts:
              - id: x-main
                platform: x
                handle: NHSTest
                credentials: {bearer_token: "AAAA%2Fsecret-token"}
            """);
    assertFails()
        .hasMessageContaining("accounts[0].credentials.bearer_token")
        .hasMessageContaining("secrets never go in this file");
  }

  @Test
  void databasePasswordVariableMustBeSetWhenAServerIsNamed() throws Exception {
    write(
        ORGANISATION
            + """
            database:
              url: jdbc:postgresql://db:5432/triage
              password_env: TEST_DB_PASSWORD
            accounts: []
            """);
    assertFails()
        .hasMessageContaining("database.password_env")
        .hasMessageContaining("TEST_DB_PASSWORD is not set");
    assertThat(TriageConfig.load(file, Map.of("TEST_DB_PASSWORD", "pw")).database().embedded())
        .isFalse();
  }

  @Test
  void replayAccountNeedsItsFileAndQueuesMustBeKnown() throws Exception {
    write(ORGANISATION + "accounts:\n  - {id: demo, platform: replay}\n");
    assertFails().hasMessageContaining("accounts[0].options.file: missing required key");

    write(ORGANISATION + "accounts: []\ndestinations:\n  press: press@test.nhs.uk\n");
    assertFails().hasMessageContaining("destinations.press: unknown queue");
  }

  @Test
  void brokenYamlGivesTheLine() throws Exception {
    write(ORGANISATION + "accounts:\n  - id: [unclosed\n");
    assertFails().hasMessageContaining("triage.yml").hasMessageContaining("not valid YAML");

    write(ORGANISATION + "accounts: []\naccounts: []\n");
    assertFails().hasMessageContaining("Duplicate field 'accounts'");
  }

  private void write(String yaml) throws Exception {
    Files.writeString(file, yaml);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertFails() {
    return assertThatThrownBy(() -> TriageConfig.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file.toString());
  }
}
