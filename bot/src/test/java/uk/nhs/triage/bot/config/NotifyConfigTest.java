package uk.nhs.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.notify.Email;
import uk.nhs.triage.bot.notify.SmtpMailer;

/** The outbox sender's config: {@code smtp}, {@code outbox}, {@code destinations.media}. */
class NotifyConfigTest {
  @TempDir Path dir;
  Path file;

  static final String BASE =
      """
      organisation:
        name: NHS Test ICB
        pals_phone: 0300 000 0000
        pals_email: pals@test.nhs.uk
        foi_email: foi@test.nhs.uk
      accounts: []
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

  TriageConfig load(String yaml) throws Exception {
    Files.writeString(file, BASE + yaml);
    return TriageConfig.load(file, Map.of());
  }

  void fails(String yaml, String message) throws Exception {
    Files.writeString(file, BASE + yaml);
    assertThatThrownBy(() -> TriageConfig.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("triage.yml: " + message);
  }

  @Test
  void exampleConfigHasSmtpOutboxAndMediaDestination() {
    TriageConfig config = TriageConfig.load(Path.of("../config/triage.example.yml"), Map.of());

    assertThat(config.smtp().toString())
        .isEqualTo("smtp://social-media-triage@example.nhs.uk@smtp.example.nhs.uk:587 (STARTTLS)");
    assertThat(config.smtp().passwordEnv()).isEqualTo("SMTP_PASSWORD");
    assertThat(config.outbox().maxRetry()).isEqualTo(Duration.ofHours(1));
    assertThat(config.mediaDestination()).isEqualTo("media@example.nhs.uk");
  }

  @Test
  void withoutTheSectionsNothingIsEmailedAndTheOutboxTakesDefaults() throws Exception {
    TriageConfig config = load("");

    assertThat(config.smtp()).isNull();
    assertThat(config.outbox()).isEqualTo(OutboxSettings.DEFAULTS);
    assertThat(config.mediaDestination()).isNull();
  }

  @Test
  void smtpDefaultsFollowTheTlsChoice() throws Exception {
    SmtpSettings smtps =
        load("smtp: {host: mail.test, from: bot@test.nhs.uk, tls: smtps}\n").smtp();
    assertThat(smtps.port()).isEqualTo(465);
    assertThat(smtps.user()).isNull();
    assertThat(load("smtp: {host: mail.test, from: bot@test.nhs.uk}\n").smtp().tls())
        .isEqualTo(SmtpSettings.Tls.STARTTLS);
  }

  @Test
  void eachSmtpMistakeNamesItsKey() throws Exception {
    fails("smtp: {from: bot@test.nhs.uk}\n", "smtp.host: missing required key");
    fails(
        "smtp: {host: mail.test, from: bot@test.nhs.uk, port: 70000}\n",
        "smtp.port: expected a port from 1 to 65535 but found 70000");
    fails(
        "smtp: {host: mail.test, from: bot@test.nhs.uk, port: twenty-five}\n",
        "smtp.port: expected a whole number but found 'twenty-five'");
    fails(
        "smtp: {host: mail.test, from: bot@test.nhs.uk, tls: yes-please}\n",
        "smtp.tls: expected starttls, smtps or none but found 'yes-please'");
    fails("smtp: {host: mail.test, from: the bot}\n", "smtp.from: expected an email address");
    fails(
        "smtp: {host: mail.test, from: bot@test.nhs.uk, user: bot}\n",
        "smtp.password_env: missing required key when smtp.user is given");
    fails(
        "smtp: {host: mail.test, from: bot@test.nhs.uk, user: bot, password_env: hunter2!}\n",
        "smtp.password_env: expected the NAME of an environment variable");
    fails(
        "smtp: {host: mail.test, from: bot@test.nhs.uk, password: hunter2}\n",
        "smtp.password: unknown key");
  }

  @Test
  void eachOutboxAndMediaMistakeNamesItsKey() throws Exception {
    fails("outbox: {max_attempts: 0}\n", "outbox.max_attempts: must be at least 1 but found 0");
    fails(
        "outbox: {first_retry: PT2H, max_retry: PT1H}\n",
        "outbox.max_retry: must not be shorter than outbox.first_retry");
    fails("outbox: {interval: soon}\n", "outbox.interval: expected an ISO-8601 duration");
    fails("destinations: {media: press office}\n", "destinations.media: expected an email address");
  }

  @Test
  void anUnsetPasswordVariableKeepsEmailsWaitingWithAnErrorNamingIt() throws Exception {
    SmtpSettings smtp =
        load("smtp: {host: 127.0.0.1, port: 1, from: bot@test.nhs.uk, user: bot,"
                + " password_env: TEST_SMTP_PASSWORD}\n")
            .smtp();
    SmtpMailer mailer =
        new SmtpMailer(
            smtp,
            Map.of(),
            java.time.Clock.fixed(
                LocalDateTime.of(2026, 11, 30, 10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    assertThat(mailer.problem())
        .contains("smtp.password_env: environment variable TEST_SMTP_PASSWORD is not set");
    assertThatThrownBy(
            () -> mailer.send(new Email("pals@test.nhs.uk", "s", "b", false, "<x@triage-bot>")))
        .hasMessageContaining("TEST_SMTP_PASSWORD is not set");
  }
}
