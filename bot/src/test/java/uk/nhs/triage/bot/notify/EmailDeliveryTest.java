package uk.nhs.triage.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.foiDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.mediaDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageStore;
import uk.nhs.triage.classifier.Label;

/** Team emails from saveBatch's outbox rows to a real SMTP server (GreenMail). */
class EmailDeliveryTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  static final Author JANE = new Author("u-jane", "jane_s", "Jane Smith");

  /** Monday 30 November 2026, mid-morning: office hours. */
  static final LocalDateTime MONDAY_10AM = LocalDateTime.of(2026, 11, 30, 10, 0);

  @TempDir Path dir;
  int port;
  GreenMail mail;
  TriageConfig config;
  TriageStore store;
  TestClock clock;

  @BeforeEach
  void start() {
    port = NotifyFixtures.freePort();
    mail = NotifyFixtures.startMailServer(port);
    config = NotifyFixtures.config(dir, port, "http://127.0.0.1:9/v19.0");
    store = DB.store();
    clock = new TestClock(MONDAY_10AM);
    DB.jdbi().useHandle(h -> h.execute("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL"));
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  OutboxSender sender() {
    return sender(DB.jdbi());
  }

  OutboxSender sender(Jdbi jdbi) {
    return OutboxSender.fromConfig(config, jdbi, NotifyFixtures.ENV, clock);
  }

  void save(String account, Object... triaged) {
    store.registerAccount(account, "x", account);
    store.saveBatch(
        account,
        Arrays.stream(triaged).map(t -> (uk.nhs.triage.bot.pipeline.TriagedComment) t).toList(),
        null);
    NotifyFixtures.makeWaitingRowsDue(DB);
  }

  List<MimeMessage> to(String address) throws Exception {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("\r\n", "\n");
  }

  static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void foiRequestReachesTheFoiMailboxOnceWithItsReferenceAndStatutoryDueDate() throws Exception {
    Instant received = LocalDateTime.of(2026, 11, 27, 14, 0).atZone(TestClock.LONDON).toInstant();
    LocalDate due = LocalDate.of(2026, 12, 28);
    save(
        "acc-foi",
        triaged(
            comment(
                "acc-foi", "foi-1", JANE, "Under FOI please send your\nparking income", received),
            classification(Label.FOI_REQUEST),
            foiDecision(received, due)));
    String reference = DB.strings("SELECT reference FROM foi_case").get(0);

    SendReport first = sender().sendDue();
    SendReport second = sender().sendDue();

    assertThat(first.sent()).isEqualTo(1);
    assertThat(second.claimed()).isZero();
    List<MimeMessage> foi = to("foi@test.nhs.uk");
    assertThat(foi).hasSize(1);
    MimeMessage email = foi.get(0);
    assertThat(email.getSubject())
        .isEqualTo("Possible FOI request " + reference + " — due Monday 28 December 2026");
    String body = body(email);
    assertThat(body)
        .contains("Reference: " + reference)
        .contains("Statutory due date: Monday 28 December 2026")
        .contains("Date received: Friday 27 November 2026")
        .contains("Requester: Jane Smith (@jane_s)")
        .contains("Real name discernible: yes")
        .contains("s.8 elements missing: address for correspondence")
        .contains("> Under FOI please send your\n> parking income")
        .contains("https://x.example/status/foi-1")
        .contains("The FOI team decides whether this is a valid request");
    assertThat(email.getContentType()).startsWith("text/plain");
    assertThat(email.getMessageID()).isEqualTo(MessageIds.forKey("email:FOI:x:foi-1"));
    assertThat(DB.strings("SELECT delivery_ref FROM outbox WHERE destination = 'FOI'"))
        .containsExactly(email.getMessageID());
  }

  @Test
  void urgentSafetyGoesAtTwoOnSaturdayWhilePalsWaitsForMondayAndGoesInOneDigest() throws Exception {
    clock.set(LocalDateTime.of(2026, 11, 28, 2, 0));
    Instant night = clock.instant().minusSeconds(600);
    Author pat = new Author("u-pat", "pat_w", "Pat Walker");
    save(
        "acc-night",
        triaged(
            comment("acc-night", "safety-1", pat, "The ward left my mum without water", night),
            classification(Label.PATIENT_SAFETY),
            decision(Priority.URGENT, night, Queue.QUALITY, Queue.COMMS)),
        triaged(
            comment("acc-night", "pals-1", pat, "Nobody answers the phone", night),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.PALS, Queue.COMMS)));

    SendReport saturday = sender().sendDue();

    assertThat(saturday.sent()).isEqualTo(1);
    assertThat(saturday.waiting()).isEqualTo(1);
    List<MimeMessage> quality = to("quality@test.nhs.uk");
    assertThat(quality).hasSize(1);
    assertThat(quality.get(0).getSubject()).startsWith("URGENT: possible patient safety concern");
    assertThat(quality.get(0).getHeader("Importance")).containsExactly("high");
    assertThat(quality.get(0).getHeader("X-Priority")).containsExactly("1");
    assertThat(to("pals@test.nhs.uk")).isEmpty();

    // Sunday: another PALS comment arrives; still nothing for PALS before Monday 09:00.
    clock.set(LocalDateTime.of(2026, 11, 29, 15, 0));
    save(
        "acc-sunday",
        triaged(
            comment(
                "acc-sunday", "pals-2", pat, "Still no answer about my complaint", clock.instant()),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.PALS, Queue.COMMS)));
    assertThat(sender().sendDue().sent()).isZero();
    clock.set(LocalDateTime.of(2026, 11, 30, 8, 59));
    assertThat(sender().sendDue().sent()).isZero();
    assertThat(to("pals@test.nhs.uk")).isEmpty();

    clock.set(LocalDateTime.of(2026, 11, 30, 9, 0));
    SendReport monday = sender().sendDue();

    assertThat(monday.sent()).isEqualTo(2);
    List<MimeMessage> pals = to("pals@test.nhs.uk");
    assertThat(pals).hasSize(1);
    assertThat(pals.get(0).getSubject()).isEqualTo("PALS digest: 2 comments to look at");
    assertThat(pals.get(0).getHeader("Importance")).isNull();
    String body = body(pals.get(0));
    assertThat(body)
        .contains("> Nobody answers the phone")
        .contains("> Still no answer about my complaint")
        .contains("Author history: 1 earlier comment on x; persistent user: no")
        .contains("Author history: 2 earlier comments on x; persistent user: no")
        .contains("Acknowledgement due: Wednesday 2 December 2026 (3 working days)");
    List<Long> palsIds =
        DB.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id FROM outbox WHERE destination = 'PALS'"
                                + " AND payload->>'account' IN ('acc-night', 'acc-sunday')")
                        .mapTo(Long.class)
                        .list());
    assertThat(pals.get(0).getMessageID()).isEqualTo(MessageIds.forDigest("PALS", palsIds));
    assertThat(
            DB.count(
                "SELECT count(DISTINCT sent_at) FROM outbox WHERE destination = 'PALS'"
                    + " AND payload->>'account' IN ('acc-night', 'acc-sunday')"))
        .isEqualTo(1);
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).isZero();
  }

  @Test
  void afterTheBankHolidaysFileRunsOutEmailsStillGoAndSayTheDateIsNotCounted() throws Exception {
    // a weekday after the file's last year: office hours and working days cannot be counted; the
    // emails are sent rather than held, and the acknowledgement date is not guessed
    LocalDate covered = config.calendar().load().coveredUntil();
    clock.set(covered.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)).atTime(10, 0));
    Instant received = clock.instant().minusSeconds(60);
    Author sam = new Author("u-sam", "sam_k", "Sam King");
    save(
        "acc-uncovered",
        triaged(
            comment(
                "acc-uncovered", "pals-9", sam, "Nobody rings back about my referral", received),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.PALS, Queue.COMMS)));

    SendReport report = sender().sendDue();

    assertThat(report.sent()).isEqualTo(1);
    List<MimeMessage> pals = to("pals@test.nhs.uk");
    assertThat(pals).hasSize(1);
    assertThat(body(pals.get(0)))
        .contains("> Nobody rings back about my referral")
        .contains("Acknowledgement due: not counted, the bank holidays file ends on " + covered);
  }

  @Test
  void smtpDownRecordsAttemptsAndBacksOffLosesNothingAndSendsOnceItIsBack() throws Exception {
    mail.stop();
    save(
        "acc-down",
        triaged(
            comment("acc-down", "down-1", JANE, "The ward was filthy", clock.instant()),
            classification(Label.PATIENT_SAFETY),
            decision(Priority.URGENT, clock.instant(), Queue.SAFEGUARDING, Queue.COMMS)));

    SendReport down = sender().sendDue();

    assertThat(down.retrying()).isEqualTo(1);
    assertThat(
            DB.strings(
                "SELECT attempts || ' ' || (available_at - now_at) || ' ' || (failed_at IS NULL)"
                    + " FROM outbox, (SELECT TIMESTAMPTZ '2026-11-30T10:00:00Z' AS now_at) n"
                    + " WHERE idempotency_key = 'email:SAFEGUARDING:x:down-1'"))
        .containsExactly("1 00:01:00 true");
    assertThat(
            DB.strings(
                "SELECT last_error FROM outbox WHERE idempotency_key = 'email:SAFEGUARDING:x:down-1'"))
        .singleElement()
        .asString()
        .containsIgnoringCase("connect");

    // Not due again before the back-off ends; the second failure doubles the wait.
    clock.advance(Duration.ofSeconds(30));
    assertThat(sender().sendDue().claimed()).isZero();
    clock.advance(Duration.ofSeconds(31));
    assertThat(sender().sendDue().retrying()).isEqualTo(1);
    assertThat(
            DB.strings(
                "SELECT attempts || ' ' || (available_at - TIMESTAMPTZ"
                    + " '2026-11-30T10:01:01Z') FROM outbox"
                    + " WHERE idempotency_key = 'email:SAFEGUARDING:x:down-1'"))
        .containsExactly("2 00:02:00");

    mail = NotifyFixtures.startMailServer(port);
    clock.advance(Duration.ofMinutes(2));
    SendReport back = sender().sendDue();

    assertThat(back.sent()).isEqualTo(1);
    assertThat(to("safeguarding@test.nhs.uk")).hasSize(1);
    assertThat(sender().sendDue().claimed()).isZero();
    assertThat(to("safeguarding@test.nhs.uk")).hasSize(1);
  }

  @Test
  void afterMaxAttemptsAnEntryIsMarkedFailedAndLeftVisible() {
    mail.stop();
    save(
        "acc-fail",
        triaged(
            comment("acc-fail", "fail-1", JANE, "Safeguarding worry", clock.instant()),
            classification(Label.SAFEGUARDING),
            decision(Priority.URGENT, clock.instant(), Queue.SAFEGUARDING, Queue.COMMS)));

    for (int attempt = 0; attempt < 3; attempt++) {
      sender().sendDue();
      clock.advance(Duration.ofHours(1));
    }

    assertThat(sender().sendDue().claimed()).isZero();
    assertThat(
            DB.strings(
                "SELECT attempts || ' ' || (failed_at IS NOT NULL) || ' ' || (sent_at IS NULL)"
                    + " FROM outbox WHERE idempotency_key = 'email:SAFEGUARDING:x:fail-1'"))
        .containsExactly("3 true true");
  }

  /**
   * The crash window: the mail server accepted the email, then the database went away before the
   * mark-sent committed. The retry sends the same Message-ID, so a receiving mail system that
   * de-duplicates by Message-ID (and any mail client threading by it) shows one email.
   */
  @Test
  void markSentLostAfterSmtpAcceptedResendsWithTheSameMessageIdForTheReceiverToDedupe()
      throws Exception {
    save(
        "acc-crash",
        triaged(
            comment("acc-crash", "crash-1", JANE, "Patient fell on the ward", clock.instant()),
            classification(Label.PATIENT_SAFETY),
            decision(Priority.URGENT, clock.instant(), Queue.QUALITY, Queue.COMMS)));
    SwitchableDataSource database = new SwitchableDataSource(DB.database().dataSource());
    Jdbi flaky = Jdbi.create(database);
    OutboxSender crashing =
        new OutboxSender(
            flaky,
            config,
            email -> {
              new SmtpMailer(config.smtp(), NotifyFixtures.ENV, clock).send(email);
              database.down.set(true);
            },
            NotifyFixtures.ENV,
            clock);

    assertThatThrownBy(crashing::sendDue).isInstanceOf(JdbiException.class);
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).isEqualTo(1);

    // The lease keeps the entry from a second sender at once; once it ends, the entry goes again.
    assertThat(sender().sendDue().claimed()).isZero();
    clock.advance(Duration.ofMinutes(5));
    assertThat(sender().sendDue().sent()).isEqualTo(1);

    List<MimeMessage> quality = to("quality@test.nhs.uk");
    assertThat(quality).hasSize(2);
    assertThat(quality.get(0).getMessageID())
        .isEqualTo(quality.get(1).getMessageID())
        .isEqualTo(MessageIds.forKey("email:QUALITY:x:crash-1"));
    assertThat(sender().sendDue().claimed()).isZero();
  }

  @Test
  void aDigestLostBeforeMarkSentGoesAgainAsTheSameDigestWhileNewerCommentsWaitForTheNext()
      throws Exception {
    Author lee = new Author("u-lee", "lee_k", "Lee King");
    save(
        "acc-digest",
        triaged(
            comment("acc-digest", "dg-1", lee, "Parking is impossible", clock.instant()),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.PALS, Queue.COMMS)),
        triaged(
            comment("acc-digest", "dg-2", lee, "And the signs are wrong", clock.instant()),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.PALS, Queue.COMMS)));
    SwitchableDataSource database = new SwitchableDataSource(DB.database().dataSource());
    OutboxSender crashing =
        new OutboxSender(
            Jdbi.create(database),
            config,
            email -> {
              new SmtpMailer(config.smtp(), NotifyFixtures.ENV, clock).send(email);
              database.down.set(true);
            },
            NotifyFixtures.ENV,
            clock);
    assertThatThrownBy(crashing::sendDue).isInstanceOf(JdbiException.class);

    save(
        "acc-digest2",
        triaged(
            comment("acc-digest2", "dg-3", lee, "Still waiting", clock.instant()),
            classification(Label.NEGATIVE),
            decision(Priority.NORMAL, null, Queue.PALS, Queue.COMMS)));
    clock.advance(Duration.ofMinutes(5));
    SendReport retry = sender().sendDue();

    assertThat(retry.sent()).isEqualTo(3);
    List<MimeMessage> pals = to("pals@test.nhs.uk");
    assertThat(pals).hasSize(3);
    assertThat(pals.get(0).getMessageID()).isEqualTo(pals.get(1).getMessageID());
    assertThat(body(pals.get(0))).contains("> Parking is impossible").contains("> And the signs");
    assertThat(body(pals.get(1))).isEqualTo(body(pals.get(0)));
    assertThat(pals.get(2).getMessageID()).isNotEqualTo(pals.get(0).getMessageID());
    assertThat(body(pals.get(2))).contains("> Still waiting").doesNotContain("Parking");
  }

  @Test
  void twoSendersAtOnceSendEachEmailOnce() throws Exception {
    save(
        "acc-race",
        triaged(
            comment(
                "acc-race", "race-1", JANE, "Child left alone in the car park", clock.instant()),
            classification(Label.SAFEGUARDING),
            decision(Priority.URGENT, clock.instant(), Queue.SAFEGUARDING, Queue.COMMS)));

    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var a = pool.submit(() -> sender().sendDue());
      var b = pool.submit(() -> sender().sendDue());
      assertThat(a.get().sent() + b.get().sent()).isEqualTo(1);
    }
    assertThat(to("safeguarding@test.nhs.uk")).hasSize(1);
  }

  @Test
  void backOffDoublesFromFirstRetryAndStopsAtMaxRetry() {
    OutboxSender sender = sender();
    assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(sender::backoff).toList())
        .containsExactly(
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10));
  }

  @Test
  void mediaEnquiryGoesToTheMediaLeadWithOutletJournalistAndDeadline() throws Exception {
    Instant deadline = LocalDateTime.of(2026, 11, 30, 17, 0).atZone(TestClock.LONDON).toInstant();
    save(
        "acc-media",
        triaged(
            comment(
                "acc-media",
                "media-1",
                new Author("u-sam", "samreports", "Sam Reporter"),
                "Sam from the Echo here, can you comment on the closure? Deadline 5pm",
                clock.instant()),
            classification(Label.PRESS_CONTACT),
            mediaDecision(
                new MediaEnquiry(
                    "Echo", "Sam Reporter", "the closure", "Deadline 5pm", deadline))));

    assertThat(sender().sendDue().sent()).isEqualTo(1);

    List<MimeMessage> media = to("media.lead@test.nhs.uk");
    assertThat(media).hasSize(1);
    assertThat(media.get(0).getSubject())
        .isEqualTo(
            "Media enquiry from Echo — deadline Monday 30 November 2026 17:00 (\"Deadline 5pm\")");
    assertThat(body(media.get(0)))
        .contains("Outlet: Echo")
        .contains("Journalist: Sam Reporter")
        .contains("> Sam from the Echo here");
  }

  /** A DataSource that can be switched off, as a database that goes away mid-run. */
  static final class SwitchableDataSource implements DataSource {
    final AtomicBoolean down = new AtomicBoolean();
    private final DataSource real;

    SwitchableDataSource(DataSource real) {
      this.real = real;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down.get()) {
        throw new SQLException("database is down (test)");
      }
      return real.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return real.isWrapperFor(iface);
    }
  }
}
