package uk.nhs.triage.bot.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.triage.bot.calendar.Nation;
import uk.nhs.triage.bot.calendar.WorkingCalendar;

/**
 * When a routing rule's first action falls due, as written in the routing file: {@code
 * immediately}, {@code none}, an ISO duration such as {@code PT4H}, or {@code N working days
 * (nations)} where nations is {@code uk} or one nation, e.g. {@code 3 working days
 * (england-and-wales)}. A deadline in working days falls at the office's close on that day.
 */
public sealed interface DueRule {
  Pattern WORKING_DAYS =
      Pattern.compile(
          "(\\d+) working days? \\((uk|england-and-wales|scotland|northern-ireland)\\)");

  /** When it is due, counting from {@code start}; null when nothing is due. */
  Instant dueFrom(Instant start, WorkingCalendar calendar);

  /** The rule as the routing file writes it. */
  String text();

  record Immediately() implements DueRule {
    @Override
    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
      return start;
    }

    @Override
    public String text() {
      return "immediately";
    }
  }

  record NotDue() implements DueRule {
    @Override
    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
      return null;
    }

    @Override
    public String text() {
      return "none";
    }
  }

  record Within(Duration duration) implements DueRule {
    @Override
    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
      return start.plus(duration);
    }

    @Override
    public String text() {
      return duration.toString();
    }
  }

  record WorkingDays(int days, Set<Nation> nations, String text) implements DueRule {
    public WorkingDays {
      nations = Set.copyOf(nations);
    }

    @Override
    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
      return calendar.closeOfBusiness(
          calendar.addWorkingDays(calendar.dateOf(start), days, nations));
    }
  }

  /**
   * @throws IllegalArgumentException saying what forms are understood
   */
  static DueRule parse(String text) {
    String rule = text.strip();
    if (rule.equals("immediately")) {
      return new Immediately();
    }
    if (rule.equals("none")) {
      return new NotDue();
    }
    Matcher days = WORKING_DAYS.matcher(rule);
    if (days.matches()) {
      Set<Nation> nations =
          days.group(2).equals("uk") ? Nation.ALL_UK : Set.of(Nation.fromKey(days.group(2)));
      return new WorkingDays(Integer.parseInt(days.group(1)), nations, rule);
    }
    if (rule.startsWith("P")) {
      try {
        return new Within(Duration.parse(rule));
      } catch (DateTimeParseException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException(
        "cannot read due rule '"
            + rule
            + "' (expected immediately, none, a duration like PT4H, or e.g. '3 working days"
            + " (england-and-wales)' / '20 working days (uk)')");
  }
}
