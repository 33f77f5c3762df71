package uk.nhs.triage.bot.notify;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.bot.CrashPoint;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.calendar.CalendarException;
import uk.nhs.triage.bot.calendar.WorkingCalendar;
import uk.nhs.triage.bot.config.OutboxSettings;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.routing.Queue;

/**
 * Works through the outbox: emails to the teams, approved replies and hides on the platforms.
 *
 * <p>Each run claims the due entries in one short transaction ({@code FOR UPDATE SKIP LOCKED}, then
 * a lease on {@code available_at}, so several processes never take the same entry and none holds a
 * database lock while it talks to a mail server or a platform), sends each, and marks it sent in a
 * second short transaction right after the receiving end accepted it. A failure counts an attempt,
 * keeps the error (never a secret) and backs off exponentially; after {@code outbox.max_attempts}
 * the entry is marked failed and left, visible, for a person.
 *
 * <p><b>Why a crash cannot lose or double a side effect, and where the database stops helping.</b>
 * An entry is only marked sent after the mail server or platform has accepted it, so a crash before
 * acceptance loses nothing: the lease runs out and the entry is sent again. The remaining window is
 * a crash (or a database failure) after the receiving end accepted and before the mark-sent
 * commits. No database transaction can close it: the send and the commit are two systems that
 * cannot share a transaction, and whichever is done first, a crash between them leaves one done and
 * the other not. So the retry must be recognisable as a repeat by the receiving end, and that is
 * what the idempotency key is for: an email's {@code Message-ID} is derived from the entry's
 * idempotency key (a digest's from the sorted ids of the entries it carries), never from the time,
 * so the repeat carries the same {@code Message-ID} and mail systems and clients that de-duplicate
 * on it show it once. No platform takes an idempotency key on a reply, so a reply is made
 * recognisable the other way round: before it is posted the entry is noted as possibly posted
 * ({@link OutboxStore#notePosting}), and an attempt at an entry so noted first reads the comment's
 * replies back ({@link uk.nhs.triage.adapters.ReplyTarget#findOwnReply}); when this account's reply
 * with that text is there, the entry is marked sent with its id and nothing is posted. When that
 * read fails the reply is not posted blind: the attempt counts as failed and is retried (see
 * docs/decisions/reply-exactly-once.md). A hide is simply asked again: hiding twice is harmless.
 *
 * <p>Urgent emails (URGENT priority, quality and safeguarding) go at once, at any hour. Other
 * emails wait for office hours and then go as one digest per queue per run; FOI requests and media
 * enquiries are cases of their own and go one email each.
 */
public final class OutboxSender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 200;
  private static final int ERROR_LENGTH = 500;

  private final TriageConfig config;
  private final OutboxSettings settings;
  private final OutboxStore store;
  private final Mailer mailer;
  private final NotificationEmails emails;
  private final PlatformActions platforms;
  private final WorkingCalendar calendar;
  private final Set<String> secrets;
  private final Clock clock;

  /**
   * @param environment where secrets are read from (platform tokens), normally {@code
   *     System.getenv()}; their values are kept out of every error recorded
   */
  public OutboxSender(
      Jdbi jdbi, TriageConfig config, Mailer mailer, Map<String, String> environment, Clock clock) {
    this.config = config;
    this.settings = config.outbox();
    this.store = new OutboxStore(jdbi, JsonMapper.create());
    this.mailer = mailer;
    this.calendar = config.workingCalendar();
    this.emails = new NotificationEmails(new EmailFacts(jdbi), calendar);
    this.platforms = new PlatformActions(jdbi, config, environment);
    this.secrets = secrets(config, environment);
    this.clock = clock;
  }

  /**
   * The sender the configuration describes: SMTP from its {@code smtp} section (without one, email
   * entries fail with an error saying so, and replies still go).
   */
  public static OutboxSender fromConfig(
      TriageConfig config, Jdbi jdbi, Map<String, String> environment, Clock clock) {
    Mailer mailer =
        config.smtp() == null
            ? email -> {
              throw new MessagingException(
                  config.file().getFileName() + " has no smtp section: nothing can be emailed");
            }
            : new SmtpMailer(config.smtp(), environment, clock);
    return new OutboxSender(jdbi, config, mailer, environment, clock);
  }

  /** How often the service should run {@link #run}: {@code outbox.interval}. */
  public Duration interval() {
    return settings.interval();
  }

  /** For a scheduler: one run of {@link #sendDue}, every error logged, none thrown. */
  @Override
  public void run() {
    try {
      SendReport report = sendDue();
      if (report.claimed() > 0) {
        LOG.info(
            "Outbox: {} sent, {} to retry, {} failed, {} waiting for office hours",
            report.sent(),
            report.retrying(),
            report.failed(),
            report.waiting());
      }
    } catch (RuntimeException e) {
      LOG.error("Outbox run stopped: {}", redact(describe(e)));
    }
  }

  /**
   * Sends everything due now, until the outbox has nothing due.
   *
   * @throws org.jdbi.v3.core.JdbiException when the database fails; entries already sent but not
   *     marked are sent again after their lease, with the same Message-ID or idempotency key
   */
  public SendReport sendDue() {
    SendReport total = SendReport.NOTHING;
    Set<Long> seen = new HashSet<>();
    while (true) {
      List<OutboxEntry> due = store.claimDue(clock.instant(), settings.lease(), BATCH);
      // An entry whose back-off is shorter than this run comes round again: once a run is enough.
      List<OutboxEntry> fresh = due.stream().filter(e -> seen.add(e.id())).toList();
      if (fresh.size() < due.size()) {
        List<Long> again =
            due.stream().filter(e -> !fresh.contains(e)).map(OutboxEntry::id).toList();
        store.postpone(again, clock.instant());
      }
      if (fresh.isEmpty()) {
        return total;
      }
      total = total.plus(send(fresh));
      if (due.size() < BATCH) {
        return total;
      }
    }
  }

  /**
   * When the office next opens, or null when it is open now. Also null when the bank holidays file
   * cannot tell (past its years): an email is sent rather than held for an opening nobody can count
   * (CalendarCoverage warns about the file every day before then).
   */
  private Instant reopens(Instant now) {
    try {
      return calendar.isOfficeHours(now) ? null : calendar.nextOfficeOpening(now);
    } catch (CalendarException e) {
      // CalendarCoverage already says so once a day; a warning on every send would only repeat it
      return null;
    }
  }

  private SendReport send(List<OutboxEntry> due) {
    Instant now = clock.instant();
    Instant reopens = reopens(now);
    boolean officeOpen = reopens == null;
    SendReport report = SendReport.NOTHING;
    Map<String, List<OutboxEntry>> digests = new TreeMap<>();
    List<OutboxEntry> waiting = new ArrayList<>();
    for (OutboxEntry entry : due) {
      switch (entry.kind()) {
        case OutboxEntry.EMAIL -> {
          if (NotificationEmails.urgent(entry)) {
            report = report.plus(sendEmail(List.of(entry)));
          } else if (!officeOpen) {
            waiting.add(entry);
          } else if (NotificationEmails.standsAlone(entry)) {
            report = report.plus(sendEmail(List.of(entry)));
          } else {
            // A digest that may have gone out before a crash goes again as it was.
            String digest =
                entry.deliveryRef() != null ? entry.deliveryRef() : "new:" + entry.destination();
            digests.computeIfAbsent(digest, d -> new ArrayList<>()).add(entry);
          }
        }
        case OutboxEntry.REPLY, OutboxEntry.HIDE -> report = report.plus(act(entry));
        default ->
            report =
                report.plus(
                    failed(
                        List.of(entry),
                        new PermanentFailure("unknown outbox kind '" + entry.kind() + "'"),
                        true));
      }
    }
    if (!waiting.isEmpty()) {
      store.postpone(waiting.stream().map(OutboxEntry::id).toList(), reopens);
      report = report.plus(new SendReport(0, 0, 0, waiting.size()));
    }
    digests.forEach(
        (digest, entries) -> {
          if (digest.startsWith("new:") && entries.size() > 1) {
            store.prepareDigest(
                entries.stream().map(OutboxEntry::id).toList(),
                MessageIds.forDigest(
                    entries.get(0).destination(), entries.stream().map(OutboxEntry::id).toList()));
          }
        });
    for (List<OutboxEntry> digest : digests.values()) {
      report = report.plus(sendEmail(digest));
    }
    return report;
  }

  /** One entry: its own email. More: one digest for their queue. */
  private SendReport sendEmail(List<OutboxEntry> entries) {
    OutboxEntry first = entries.get(0);
    Email email;
    try {
      String to = address(first.destination());
      email =
          entries.size() == 1
              ? emails.single(first, to)
              : emails.digest(first.destination(), entries, to);
      mailer.send(email);
    } catch (MessagingException | RuntimeException e) {
      return failed(entries, e, false);
    }
    CrashPoint.reached(CrashPoint.AFTER_EMAIL_SENT);
    List<Long> ids = entries.stream().map(OutboxEntry::id).toList();
    markSent(ids, email.messageId(), List.of());
    LOG.info("Emailed {} to {} ({})", describe(entries), first.destination(), email.messageId());
    return new SendReport(entries.size(), 0, 0, 0);
  }

  private SendReport act(OutboxEntry entry) {
    String ref = null;
    String action;
    boolean foundPosted = false;
    try {
      if (entry.kind().equals(OutboxEntry.REPLY)) {
        Optional<String> posted =
            mayAlreadyBePosted(entry) ? platforms.alreadyPosted(entry) : Optional.empty();
        foundPosted = posted.isPresent();
        ref = foundPosted ? posted.get() : postReply(entry);
        action = "reply_posted";
      } else {
        // Hiding is asked again without a look: hiding a hidden comment changes nothing.
        platforms.hide(entry);
        action = "comment_hidden";
      }
    } catch (PermanentFailure e) {
      return failed(List.of(entry), e, true);
    } catch (AdapterException | RuntimeException e) {
      return failed(List.of(entry), e, false);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("outboxId", entry.id());
    detail.put("account", entry.destination());
    detail.put("platform", entry.text("platform"));
    detail.put("externalId", entry.text("external_id"));
    if (ref != null) {
      detail.put("replyId", ref);
    }
    if (foundPosted) {
      detail.put("foundPostedByEarlierAttempt", true);
    }
    if (entry.text("reason") != null) {
      detail.put("reason", entry.text("reason"));
    }
    String itemId = triageItemId(entry.idempotencyKey());
    markSent(
        List.of(entry.id()),
        ref,
        List.of(
            new OutboxStore.AuditRow(
                action,
                itemId != null ? "triage_item" : "outbox",
                itemId != null ? itemId : Long.toString(entry.id()),
                detail)));
    if (foundPosted) {
      LOG.info(
          "Reply {} on account {} was already on the platform as {}, posted by an earlier attempt"
              + " that was not recorded: marked sent, not posted again",
          entry.idempotencyKey(),
          entry.destination(),
          ref);
    } else {
      LOG.info("{} for {} on account {}", action, entry.idempotencyKey(), entry.destination());
    }
    return new SendReport(1, 0, 0, 0);
  }

  /** Notes the entry as possibly posted (once), then posts it; returns the platform's id. */
  private String postReply(OutboxEntry entry) throws AdapterException, PermanentFailure {
    if (!OutboxStore.REPLY_MAY_BE_POSTED.equals(entry.deliveryRef())) {
      store.notePosting(entry.id());
    }
    String ref = platforms.reply(entry);
    CrashPoint.reached(CrashPoint.AFTER_REPLY_SENT);
    return ref;
  }

  /**
   * A reply an earlier attempt set out to post (or, from before that was recorded, one that failed
   * before): it may be on the platform already, with only its mark-sent lost. A first attempt posts
   * without looking.
   */
  private static boolean mayAlreadyBePosted(OutboxEntry entry) {
    return OutboxStore.REPLY_MAY_BE_POSTED.equals(entry.deliveryRef()) || entry.attempts() > 0;
  }

  private void markSent(List<Long> ids, String ref, List<OutboxStore.AuditRow> audit) {
    try {
      store.markSent(ids, clock.instant(), ref, audit);
    } catch (RuntimeException e) {
      LOG.error(
          "Outbox entries {} were delivered but could not be marked sent ({}); they will be sent"
              + " again after the lease, with the same Message-ID or idempotency key",
          ids,
          redact(describe(e)));
      throw e;
    }
  }

  private SendReport failed(List<OutboxEntry> entries, Exception e, boolean permanent) {
    Instant now = clock.instant();
    String error = redact(describe(e));
    int retrying = 0;
    int failed = 0;
    for (OutboxEntry entry : entries) {
      int attempts = entry.attempts() + 1;
      boolean giveUp = permanent || attempts >= settings.maxAttempts();
      store.recordFailure(entry, error, now, giveUp ? null : now.plus(backoff(attempts)));
      if (giveUp) {
        failed++;
        LOG.error(
            "Outbox entry {} ({} to {}) failed after {} attempts and is left for a person: {}",
            entry.id(),
            entry.kind(),
            entry.destination(),
            attempts,
            error);
      } else {
        retrying++;
        LOG.warn(
            "Outbox entry {} ({} to {}) failed, attempt {}: {}",
            entry.id(),
            entry.kind(),
            entry.destination(),
            attempts,
            error);
      }
    }
    return new SendReport(0, retrying, failed, 0);
  }

  /** The wait after the {@code attempts}th failure: first_retry, doubling, at most max_retry. */
  Duration backoff(int attempts) {
    Duration wait = settings.firstRetry();
    for (int i = 1; i < attempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
  }

  private String address(String destination) {
    if (destination.equals(NotificationEmails.MEDIA)) {
      if (config.mediaDestination() != null) {
        return config.mediaDestination();
      }
      destination = Queue.COMMS.name();
    }
    Queue queue = Queue.valueOf(destination);
    String address = config.destinations().get(queue);
    if (address == null) {
      throw new IllegalStateException(
          "no email address for queue "
              + queue
              + ": add destinations."
              + queue.name().toLowerCase(java.util.Locale.ROOT)
              + " to "
              + config.file().getFileName());
    }
    return address;
  }

  /** {@code reply:<id>} and {@code hide:<id>}: the web app keys them by triage item. */
  private static String triageItemId(String key) {
    int colon = key.lastIndexOf(':');
    String id = colon < 0 ? "" : key.substring(colon + 1);
    return id.matches("\\d+") ? id : null;
  }

  private static String describe(List<OutboxEntry> entries) {
    return entries.size() == 1
        ? entries.get(0).idempotencyKey()
        : entries.size() + " entries (digest)";
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < ERROR_LENGTH; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
      if (t.getCause() == t) {
        break;
      }
    }
    return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) + "…" : text.toString();
  }

  private String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "[secret]");
    }
    return result;
  }

  /** Every secret the config points at: none of them may reach last_error or the log. */
  private static Set<String> secrets(TriageConfig config, Map<String, String> environment) {
    Set<String> values = new HashSet<>();
    config
        .accounts()
        .forEach(a -> a.credentials().values().forEach(v -> add(values, environment.get(v))));
    if (config.smtp() != null && config.smtp().passwordEnv() != null) {
      add(values, environment.get(config.smtp().passwordEnv()));
    }
    return values;
  }

  private static void add(Set<String> values, String secret) {
    if (secret != null && secret.length() >= 4) {
      values.add(secret);
    }
  }
}
