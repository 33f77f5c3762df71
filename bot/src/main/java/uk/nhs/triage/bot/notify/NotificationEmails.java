package uk.nhs.triage.bot.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.nhs.triage.bot.calendar.CalendarException;
import uk.nhs.triage.bot.calendar.WorkingCalendar;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;

/**
 * The words of each team's notification. Plain text only: the comment is quoted line by line and
 * never interpreted, so nothing a member of the public wrote can become markup, a link label or a
 * header.
 */
final class NotificationEmails {
  /** The outbox destination of media enquiry emails: not a queue, the media lead. */
  static final String MEDIA = "MEDIA";

  /**
   * NHS complaints are acknowledged within 3 working days (Local Authority Social Services and
   * National Health Service Complaints (England) Regulations 2009, reg. 13(1)): the law, not a
   * setting.
   */
  static final int PALS_ACKNOWLEDGEMENT_WORKING_DAYS = 3;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", Locale.UK);

  private final EmailFacts facts;
  private final WorkingCalendar calendar;

  NotificationEmails(EmailFacts facts, WorkingCalendar calendar) {
    this.facts = facts;
    this.calendar = calendar;
  }

  /**
   * Urgent notifications go at once, at any hour: anything the router made URGENT, and anything for
   * the quality or safeguarding leads.
   */
  static boolean urgent(OutboxEntry entry) {
    return Priority.URGENT.name().equals(entry.text("priority"))
        || Queue.QUALITY.name().equals(entry.destination())
        || Queue.SAFEGUARDING.name().equals(entry.destination());
  }

  /** FOI requests and media enquiries are cases of their own: never folded into a digest. */
  static boolean standsAlone(OutboxEntry entry) {
    return Queue.FOI.name().equals(entry.destination()) || MEDIA.equals(entry.destination());
  }

  Email single(OutboxEntry entry, String to) {
    StringBuilder body = new StringBuilder();
    String subject =
        switch (entry.destination()) {
          case "FOI" -> foi(entry, body);
          case "PALS" -> pals(entry, body);
          case MEDIA -> media(entry, body);
          default -> other(entry, body);
        };
    body.append('\n').append(footer());
    return new Email(
        to,
        oneLine(subject),
        body.toString(),
        urgent(entry),
        MessageIds.forKey(entry.idempotencyKey()));
  }

  Email digest(String queue, List<OutboxEntry> entries, String to) {
    StringBuilder body = new StringBuilder();
    body.append(entries.size())
        .append(" new ")
        .append(entries.size() == 1 ? "comment" : "comments")
        .append(" for ")
        .append(queue)
        .append(", none of them urgent (urgent ones are emailed at once, one by one).\n");
    int n = 0;
    for (OutboxEntry entry : entries) {
      body.append("\n---------- ")
          .append(++n)
          .append(" of ")
          .append(entries.size())
          .append(" ----------\n");
      if (Queue.PALS.name().equals(entry.destination())) {
        palsDetails(entry, body);
      } else {
        common(entry, body);
      }
    }
    body.append('\n').append(footer());
    String subject =
        queue
            + " digest: "
            + entries.size()
            + (entries.size() == 1 ? " comment" : " comments")
            + " to look at";
    return new Email(
        to,
        subject,
        body.toString(),
        false,
        MessageIds.forDigest(queue, entries.stream().map(OutboxEntry::id).toList()));
  }

  private String foi(OutboxEntry entry, StringBuilder body) {
    EmailFacts.FoiCase foi =
        facts
            .foiCase(entry.text("platform"), entry.text("externalId"))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no foi_case row for comment "
                            + entry.text("platform")
                            + "/"
                            + entry.text("externalId")));
    body.append("A comment may be a Freedom of Information request.\n\n");
    body.append("Reference: ").append(foi.reference()).append('\n');
    body.append("Date received: ").append(date(calendar.dateOf(foi.receivedAt()))).append('\n');
    body.append("Statutory due date: ")
        .append(date(foi.dueDate()))
        .append(" (20 working days after receipt)\n");
    body.append("Requester: ").append(requester(entry, foi.requesterName())).append('\n');
    body.append("Real name discernible: ").append(yesNo(foi.realNameDiscernible())).append('\n');
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    (foi.realNameDiscernible() ? present : missing).add("real name");
    (foi.addressPresent() ? present : missing).add("address for correspondence");
    (foi.descriptionPresent() ? present : missing).add("description of the information requested");
    body.append("FOI Act s.8 elements present: ").append(listed(present)).append('\n');
    body.append("FOI Act s.8 elements missing: ").append(listed(missing)).append('\n');
    body.append('\n');
    quote(entry, body);
    body.append('\n');
    line(body, "Link", entry.text("link"));
    line(body, "Platform", entry.text("platform") + " (account " + entry.text("account") + ")");
    line(body, "Triage item", entry.text("triageItemId"));
    body.append('\n');
    body.append(
        "The FOI team decides whether this is a valid request; the bot only flags it and counts"
            + " the days.\n");
    return "Possible FOI request " + foi.reference() + " — due " + date(foi.dueDate());
  }

  private String pals(OutboxEntry entry, StringBuilder body) {
    palsDetails(entry, body);
    String subject = "PALS: comment from " + who(entry) + " on " + entry.text("platform");
    return urgent(entry) ? "URGENT " + subject : subject;
  }

  private void palsDetails(OutboxEntry entry, StringBuilder body) {
    common(entry, body);
    EmailFacts.History history = facts.history(entry.text("platform"), entry.text("externalId"));
    body.append("Author history: ")
        .append(history.earlierComments())
        .append(history.earlierComments() == 1 ? " earlier comment" : " earlier comments")
        .append(" on ")
        .append(entry.text("platform"))
        .append("; persistent user: ")
        .append(yesNo(history.persistent()))
        .append('\n');
    Instant received = instant(entry.payload().get("postedAt"));
    LocalDate receipt = calendar.dateOf(received != null ? received : Instant.now());
    body.append("Acknowledgement due: ");
    try {
      LocalDate ackDue =
          calendar.addWorkingDays(
              receipt, PALS_ACKNOWLEDGEMENT_WORKING_DAYS, calendar.officeHours().holidayNations());
      body.append(date(ackDue));
    } catch (CalendarException e) {
      // past the bank holidays file's years: say so rather than guess a date
      body.append("not counted, the bank holidays file ends on ").append(calendar.coveredUntil());
    }
    body.append(" (").append(PALS_ACKNOWLEDGEMENT_WORKING_DAYS).append(" working days)\n");
  }

  private String media(OutboxEntry entry, StringBuilder body) {
    EmailFacts.Media media =
        facts.media(entry.text("platform"), entry.text("externalId")).orElse(null);
    body.append("A journalist or media outlet has contacted an account. Do not answer on social")
        .append(" media; the media lead responds.\n\n");
    String outlet = media == null ? null : media.outlet();
    String journalist = media == null ? entry.text("authorName") : media.journalist();
    body.append("Outlet: ").append(orUnknown(outlet)).append('\n');
    body.append("Journalist: ").append(orUnknown(journalist)).append('\n');
    body.append("Deadline: ").append(deadline(media)).append('\n');
    body.append('\n');
    common(entry, body);
    return "Media enquiry"
        + (outlet == null ? "" : " from " + outlet)
        + (media == null || media.deadlineText() == null && media.deadline() == null
            ? ""
            : " — deadline " + deadline(media));
  }

  private String other(OutboxEntry entry, StringBuilder body) {
    String concern =
        switch (entry.destination()) {
          case "QUALITY" -> "possible patient safety concern";
          case "SAFEGUARDING" -> "possible safeguarding concern";
          default -> "comment for " + entry.destination();
        };
    if (urgent(entry)) {
      body.append("URGENT: a person must look at this now.\n\n");
    }
    common(entry, body);
    return (urgent(entry) ? "URGENT: " : "")
        + concern
        + " — "
        + entry.text("platform")
        + " comment by "
        + who(entry);
  }

  /** What every notification shows about the comment. */
  private void common(OutboxEntry entry, StringBuilder body) {
    quote(entry, body);
    body.append('\n');
    line(body, "Link", entry.text("link"));
    line(body, "Platform", entry.text("platform") + " (account " + entry.text("account") + ")");
    line(body, "Author", who(entry));
    Instant posted = instant(entry.payload().get("postedAt"));
    line(body, "Posted", posted == null ? null : dateTime(posted));
    line(body, "Labels", joined(entry.payload().get("labels")));
    line(body, "Priority", entry.text("priority"));
    Instant due = instant(entry.payload().get("dueBy"));
    line(body, "First action due", due == null ? null : dateTime(due));
    line(body, "Why", joined(entry.payload().get("reasons")));
    line(body, "Triage item", entry.text("triageItemId"));
  }

  private static void quote(OutboxEntry entry, StringBuilder body) {
    body.append("The comment, exactly as posted:\n");
    String text = entry.text("text");
    for (String line : (text == null ? "" : text).split("\\R", -1)) {
      body.append("> ").append(line).append('\n');
    }
  }

  private static void line(StringBuilder body, String label, String value) {
    if (value != null && !value.isBlank()) {
      body.append(label).append(": ").append(oneLine(value)).append('\n');
    }
  }

  private static String requester(OutboxEntry entry, String realName) {
    String handle = entry.text("author");
    String name = realName != null ? realName : entry.text("authorName");
    if (name == null && handle == null) {
      return "unknown";
    }
    if (handle == null) {
      return oneLine(name);
    }
    return oneLine((name == null ? "" : name + " ") + "(@" + handle + ")");
  }

  private static String who(OutboxEntry entry) {
    String handle = entry.text("author");
    String name = entry.text("authorName");
    if (handle != null) {
      return oneLine("@" + handle + (name == null ? "" : " (" + name + ")"));
    }
    return name == null ? "an unknown author" : oneLine(name);
  }

  private String deadline(EmailFacts.Media media) {
    if (media == null || media.deadlineText() == null && media.deadline() == null) {
      return "none stated";
    }
    if (media.deadline() == null) {
      return oneLine(media.deadlineText());
    }
    return dateTime(media.deadline())
        + (media.deadlineText() == null ? "" : " (\"" + oneLine(media.deadlineText()) + "\")");
  }

  private String footer() {
    return "Sent by the social media triage bot. Work the item in the triage app; reply to this"
        + " email only to reach the comms team.\n";
  }

  private String date(LocalDate date) {
    return DATE.format(date);
  }

  private String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(calendar.zone()));
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String listed(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "not stated" : oneLine(value);
  }

  private static String joined(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return String.join("; ", items);
  }

  /** Header lines and labelled lines stay one line, whatever the platform sent. */
  static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }

  /** An instant as the payload writer stored it: ISO text, or epoch seconds as a number. */
  static Instant instant(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      BigDecimal seconds = value.decimalValue();
      return Instant.ofEpochSecond(
          seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
