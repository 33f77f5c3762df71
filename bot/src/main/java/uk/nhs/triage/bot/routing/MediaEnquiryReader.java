package uk.nhs.triage.bot.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.calendar.WorkingCalendar;

/**
 * Fills in the media log's fields from a journalist's comment (003 Appendix B): outlet, journalist,
 * nature of the enquiry and deadline. A deadline is read in the calendar's zone relative to when
 * the comment was received; one that cannot be read is left for a person.
 */
final class MediaEnquiryReader {
  private static final String DAY =
      "today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
  private static final String TIME =
      "\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)|\\d{1,2}[:.]\\d{2}|noon|midday|midnight|lunchtime"
          + "|end of (?:the )?(?:day|play)|close of (?:play|business)|eod|cob";
  private static final Pattern DEADLINE =
      Pattern.compile(
          "\\b(?:by|before|until|no later than|deadline(?:\\s+is)?:?)\\s+(?:the\\s+)?"
              + "(?:(?<day1>"
              + DAY
              + ")(?:\\s+(?:at\\s+)?(?<time1>"
              + TIME
              + "))?|(?<time2>"
              + TIME
              + ")(?:\\s+(?:on\\s+)?(?<day2>"
              + DAY
              + "))?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOCK =
      Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAMED_OUTLET =
      Pattern.compile(
          "\\b(?i:at|from|for|with|of|on)\\s+(?:(?i:the)\\s+)?"
              + "(\\p{Lu}[\\w'&-]*(?:\\s+\\p{Lu}[\\w'&-]*){0,3})");

  /**
   * A known outlet's name, lower-cased, and the pattern that finds it as whole words in lower-cased
   * text. The pattern runs only where the name occurs at all (a plain search, far cheaper than the
   * pattern's scan of the whole text), which finds the same outlets.
   */
  private record KnownOutlet(String name, String lower, Pattern words) {
    boolean foundIn(String lowerText) {
      return lowerText.contains(lower) && words.matcher(lowerText).find();
    }
  }

  private final RoutingTable.MediaSettings settings;
  private final WorkingCalendar calendar;
  private final List<KnownOutlet> knownOutlets;

  MediaEnquiryReader(RoutingTable.MediaSettings settings, WorkingCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
    this.knownOutlets =
        settings.outlets().stream()
            .map(
                outlet ->
                    new KnownOutlet(
                        outlet,
                        outlet.toLowerCase(Locale.ROOT),
                        Pattern.compile(
                            "\\b" + Pattern.quote(outlet.toLowerCase(Locale.ROOT)) + "\\b")))
            .toList();
  }

  MediaEnquiry read(Comment comment, Instant receivedAt) {
    String text = comment.text().strip();
    Matcher deadline = DEADLINE.matcher(text);
    String deadlineText = null;
    Instant deadlineAt = null;
    if (deadline.find()) {
      deadlineText = deadline.group().strip();
      String day = deadline.group("day1") != null ? deadline.group("day1") : deadline.group("day2");
      String time =
          deadline.group("time1") != null ? deadline.group("time1") : deadline.group("time2");
      deadlineAt = resolve(day, time, receivedAt);
    }
    return new MediaEnquiry(outlet(text), comment.author().name(), text, deadlineText, deadlineAt);
  }

  private String outlet(String text) {
    Matcher named = NAMED_OUTLET.matcher(text);
    while (named.find()) {
      String candidate = named.group(1);
      String[] words = candidate.split("\\s+");
      // Keep the words up to the last one that names a kind of outlet ("Post", "News", ...).
      for (int end = words.length; end > 0; end--) {
        if (settings.outletWords().contains(words[end - 1].toLowerCase(Locale.ROOT))) {
          return String.join(" ", java.util.Arrays.copyOf(words, end));
        }
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (KnownOutlet outlet : knownOutlets) {
      if (outlet.foundIn(lower)) {
        return outlet.name();
      }
    }
    return null;
  }

  private Instant resolve(String day, String time, Instant receivedAt) {
    ZonedDateTime now = receivedAt.atZone(calendar.zone());
    LocalTime at = time == null ? calendar.officeHours().closes() : timeOf(time);
    LocalDate date = now.toLocalDate();
    if (day == null) {
      // "by 4pm" said after 4pm can only mean tomorrow.
      if (at.isBefore(now.toLocalTime())) {
        date = date.plusDays(1);
      }
    } else {
      switch (day.toLowerCase(Locale.ROOT)) {
        case "today", "tonight" -> {}
        case "tomorrow" -> date = date.plusDays(1);
        default -> {
          DayOfWeek weekday = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
          date = date.with(TemporalAdjusters.nextOrSame(weekday));
          if (date.equals(now.toLocalDate()) && at.isBefore(now.toLocalTime())) {
            date = date.plusWeeks(1);
          }
        }
      }
    }
    return date.atTime(at).atZone(calendar.zone()).toInstant();
  }

  private LocalTime timeOf(String time) {
    String lower = time.toLowerCase(Locale.ROOT).strip();
    if (lower.equals("noon") || lower.equals("midday") || lower.equals("lunchtime")) {
      return LocalTime.NOON;
    }
    if (lower.equals("midnight")) {
      return LocalTime.of(23, 59);
    }
    if (lower.startsWith("end")
        || lower.startsWith("close")
        || lower.equals("eod")
        || lower.equals("cob")) {
      return calendar.officeHours().closes();
    }
    Matcher clock = CLOCK.matcher(lower);
    if (!clock.matches()) {
      return calendar.officeHours().closes();
    }
    int hour = Integer.parseInt(clock.group(1));
    int minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
    if (clock.group(3) != null) {
      hour = hour % 12 + (clock.group(3).equals("pm") ? 12 : 0);
    }
    if (hour > 23 || minute > 59) {
      return calendar.officeHours().closes();
    }
    return LocalTime.of(hour, minute);
  }
}
