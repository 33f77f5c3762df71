package uk.nhs.triage.bot.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.store.TestDatabase;

/** A configuration for the sender's tests: the shipped rules and calendar, test destinations. */
final class NotifyFixtures {
  static final Path CONFIG = Path.of("../config").toAbsolutePath().normalize();
  static final String FB_TOKEN = "EAAtesttokenvalue123";
  static final Map<String, String> ENV = Map.of("FB_TOKEN", FB_TOKEN);

  private NotifyFixtures() {}

  /**
   * @param smtpPort the GreenMail SMTP port
   * @param facebookBaseUrl where the Facebook account's Graph API is (WireMock), or any url
   */
  static TriageConfig config(Path dir, int smtpPort, String facebookBaseUrl) {
    String yaml =
        """
        organisation:
          name: NHS Test ICB
          pals_phone: 0300 000 0000
          pals_email: pals@test.nhs.uk
          foi_email: foi@test.nhs.uk
        rules: %1$s/rules
        routing: %1$s/routing.yml
        templates: %1$s/templates
        calendar:
          bank_holidays: %1$s/calendar/bank-holidays.csv
        accounts:
          - id: demo
            platform: replay
            options: {file: feed.jsonl}
          - id: fb-page
            platform: facebook
            handle: "104857600000001"
            base_url: %3$s
            credentials:
              page_access_token: FB_TOKEN
        destinations:
          comms: comms@test.nhs.uk
          pals: pals@test.nhs.uk
          foi: foi@test.nhs.uk
          quality: quality@test.nhs.uk
          safeguarding: safeguarding@test.nhs.uk
          media: media.lead@test.nhs.uk
        smtp:
          host: 127.0.0.1
          port: %2$d
          from: triage-bot@test.nhs.uk
          tls: none
          timeout: PT5S
        outbox:
          max_attempts: 3
          first_retry: PT1M
          max_retry: PT10M
          lease: PT5M
        """
            .formatted(CONFIG, smtpPort, facebookBaseUrl);
    try {
      Path file = dir.resolve("triage.yml");
      Files.writeString(file, yaml);
      return TriageConfig.load(file, ENV);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GreenMail startMailServer(int port) {
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  /**
   * What the web app writes when a person approves a reply to a Facebook comment on account {@code
   * fb-page}, due at once.
   */
  static void approveFacebookReply(TestDatabase db, long itemId, String commentId, String text) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO outbox (kind, destination, idempotency_key, payload,
                                            available_at)
                        VALUES ('reply', 'fb-page', :key,
                                jsonb_build_object('platform', 'facebook',
                                                   'external_id', CAST(:commentId AS text),
                                                   'account_id', 'fb-page',
                                                   'text', CAST(:text AS text)),
                                '2000-01-01T00:00:00Z')
                        """)
                    .bind("key", "reply:" + itemId)
                    .bind("commentId", commentId)
                    .bind("text", text)
                    .execute());
  }

  /**
   * saveBatch stamps outbox rows with the database's own now(); the tests' clock is fixed, so make
   * what is waiting due from the start of time.
   */
  static void makeWaitingRowsDue(TestDatabase db) {
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE outbox SET available_at = '2000-01-01T00:00:00Z'"
                        + " WHERE sent_at IS NULL AND attempts = 0"));
  }
}
