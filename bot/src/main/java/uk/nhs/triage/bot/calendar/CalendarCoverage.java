package uk.nhs.triage.bot.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns before the bank holidays file runs out. Past its last year no FOI deadline and no due time
 * in working days can be counted (the router then routes the comment without one and says why,
 * leaving the date to a person), so the file needs next year's dates well before then: an FOI
 * request received {@link #LEAD_DAYS} days before the end already has its 20th working day in the
 * next year. Warns at start-up and at most once a day after.
 */
public final class CalendarCoverage {
  /** 20 working days span up to about 32 calendar days over Christmas; warn a month earlier. */
  public static final int LEAD_DAYS = 60;

  private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

  private final WorkingCalendar calendar;
  private final Clock clock;
  private LocalDate lastWarned;

  public CalendarCoverage(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The warning for today, if the file ends within {@link #LEAD_DAYS} days or has ended. */
  public Optional<String> warning() {
    LocalDate today = calendar.dateOf(clock.instant());
    LocalDate end = calendar.coveredUntil();
    long daysLeft = ChronoUnit.DAYS.between(today, end);
    if (daysLeft > LEAD_DAYS) {
      return Optional.empty();
    }
    String when =
        daysLeft < 0
            ? "ended on "
                + end
                + ": FOI statutory deadlines and working-day due times are not being computed"
            : "ends on "
                + end
                + " ("
                + daysLeft
                + " days): FOI requests received from "
                + end.minusDays(LEAD_DAYS / 2)
                + " on may get no computed deadline";
    return Optional.of(
        "the bank holidays file "
            + when
            + "; add next year's dates from gov.uk/bank-holidays to config/calendar/bank-holidays.csv");
  }

  /** Logs the warning, once per day at most. */
  public synchronized void logIfDue() {
    LocalDate today = calendar.dateOf(clock.instant());
    if (today.equals(lastWarned)) {
      return;
    }
    lastWarned = today;
    warning().ifPresent(log::warn);
  }
}
