package uk.nhs.triage.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.CrashPoint;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * The bot killed outright (as SIGKILL would: {@link CrashPoint} halts the JVM) at each dangerous
 * point, then started again: every comment stored once, the cursor never ahead of what was saved,
 * and every email delivered once as its receiver sees it (one Message-ID per email, the repeat of a
 * crash carrying the same id).
 */
class CrashRecoveryTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @TempDir Path dir;
  GreenMail mail;
  Path config;

  @BeforeEach
  void start() throws Exception {
    int port = NotifyFixtures.freePort();
    mail = NotifyFixtures.startMailServer(port);
    NotifyFixtures.config(dir, port, "http://127.0.0.1:9/v19.0");
    config = dir.resolve("triage.yml");
    Files.writeString(
        dir.resolve("feed.jsonl"),
        """
        {"id": "k1", "text": "My dad has not been given any water or pain relief since yesterday on ward 4, nobody is checking on him"}
        {"id": "k2", "text": "The nurse gave my mum the wrong medication twice today and she collapsed"}
        {"id": "k3", "text": "My neighbour's little boy has been left alone in the flat for two days, I can hear him crying"}
        {"id": "k4", "text": "Thank you to the team at the walk-in centre, brilliant care"}
        """,
        StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  @Test
  void killedAtEachDangerousPointItLosesNothingAndRepeatsNothing() throws Exception {
    assertThat(bot(CrashPoint.AFTER_FETCH, "poll", "--once")).isEqualTo(137);
    assertThat(DB.count("SELECT count(*) FROM comment")).isZero();
    assertThat(DB.count("SELECT count(*) FROM account WHERE id = 'demo' AND cursor IS NULL"))
        .as("the cursor is never ahead of what was saved")
        .isEqualTo(1);

    assertThat(bot(CrashPoint.AFTER_SAVE, "poll", "--once")).isEqualTo(137);
    assertThat(DB.count("SELECT count(*) FROM comment")).isEqualTo(4);
    assertThat(DB.count("SELECT count(*) FROM account WHERE id = 'demo' AND cursor IS NOT NULL"))
        .isEqualTo(1);

    bot(null, "poll", "--once");
    assertThat(DB.count("SELECT count(*) FROM comment")).isEqualTo(4);
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(4);
    long urgentEmails =
        DB.count(
            "SELECT count(*) FROM outbox o WHERE o.kind = 'email' AND o.payload->>'priority' ="
                + " 'URGENT'");
    assertThat(urgentEmails).isGreaterThanOrEqualTo(3);

    assertThat(bot(CrashPoint.AFTER_EMAIL_SENT, "send-outbox", "--once")).isEqualTo(137);
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")).isZero();

    // What the crashed sender had claimed waits out its lease (outbox.lease), then goes again.
    NotifyFixtures.makeWaitingRowsDue(DB);
    bot(null, "send-outbox", "--once");

    List<String> received = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      received.add(message.getMessageID());
    }
    Set<String> distinct = new HashSet<>(received);
    List<String> refs =
        DB.strings("SELECT DISTINCT delivery_ref FROM outbox WHERE sent_at IS NOT NULL");
    assertThat(
            DB.count(
                "SELECT count(*) FROM outbox WHERE kind = 'email' AND sent_at IS NULL"
                    + " AND payload->>'priority' = 'URGENT'"))
        .as("every urgent email sent")
        .isZero();
    assertThat(distinct).containsExactlyInAnyOrderElementsOf(refs);
    assertThat(received)
        .as("one repeat, from the crash, with the same Message-ID")
        .hasSize(distinct.size() + 1);
  }

  private int bot(String point, String... command) throws Exception {
    return BotProcess.run(DB, config, dir, point, command);
  }
}
