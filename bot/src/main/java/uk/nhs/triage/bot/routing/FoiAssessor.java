package uk.nhs.triage.bot.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.calendar.CalendarException;
import uk.nhs.triage.bot.calendar.WorkingCalendar;

/**
 * Records what the FOI team needs to judge a possible request (FOI Act s.8): a real name (not a
 * handle), an address for correspondence (an email or postal address in the text; a handle is not
 * an address, Ghafoor v IC 2015) and a description of the information wanted. It does not decide
 * validity.
 */
final class FoiAssessor {
  private static final Pattern MY_NAME =
      Pattern.compile(
          "\\b(?i:my name is|i am|i'm)\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)+)");
  private static final Pattern NAME_WORD = Pattern.compile("\\p{L}[\\p{L}'.-]*");
  private static final Pattern EMAIL =
      Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern POSTCODE =
      Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b", Pattern.CASE_INSENSITIVE);

  private final RoutingTable.FoiSettings settings;
  private final WorkingCalendar calendar;

  FoiAssessor(RoutingTable.FoiSettings settings, WorkingCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
  }

  FoiAssessment assess(Comment comment, Instant fetchedAt) {
    Instant received = comment.createdAt() != null ? comment.createdAt() : fetchedAt;
    LocalDate due;
    try {
      due =
          calendar.addWorkingDays(
              calendar.dateOf(received),
              settings.statutoryDue().days(),
              settings.statutoryDue().nations());
    } catch (CalendarException e) {
      // An old or far-future post date: leave the date to the FOI team rather than guess it.
      due = null;
    }
    String name = requesterName(comment);
    return new FoiAssessment(
        received, due, name, name != null, hasAddress(comment.text()), describes(comment.text()));
  }

  private String requesterName(Comment comment) {
    Matcher stated = MY_NAME.matcher(comment.text());
    if (stated.find() && looksLikePersonalName(stated.group(1))) {
      return stated.group(1).strip();
    }
    String display = comment.author().name();
    return display != null && looksLikePersonalName(display) ? display.strip() : null;
  }

  // Two or more alphabetic words, none of them a word organisations or pseudonyms use.
  private boolean looksLikePersonalName(String candidate) {
    String[] words = candidate.strip().split("\\s+");
    if (words.length < 2) {
      return false;
    }
    for (String word : words) {
      if (!NAME_WORD.matcher(word).matches()
          || settings.notPersonalNameWords().contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  // The patterns run only on text that has what each needs (an '@', a digit): a plain scan is far
  // cheaper than a pattern tried at every position, and the answer is the same.
  private static boolean hasAddress(String text) {
    return (text.indexOf('@') >= 0 && EMAIL.matcher(text).find())
        || (hasDigit(text) && POSTCODE.matcher(text).find());
  }

  /** Whether the text has an ASCII digit, which every postcode has. */
  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private boolean describes(String text) {
    return settings.describesInformation().stream().anyMatch(p -> p.matcher(text).find());
  }
}
