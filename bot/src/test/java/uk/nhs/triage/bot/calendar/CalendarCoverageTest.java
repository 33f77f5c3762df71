package uk.nhs.triage.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CalendarCoverageTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  final WorkingCalendar calendar =
      WorkingCalendar.load(Path.of("../config/calendar/bank-holidays.csv"));

  @Test
  void coveredUntilIsTheLastDayThatCanBeCounted() {
    assertThat(calendar.coveredUntil().getMonthValue()).isEqualTo(12);
    assertThat(calendar.coveredUntil().getDayOfMonth()).isEqualTo(31);
    calendar.isWorkingDay(calendar.coveredUntil(), Nation.ALL_UK);
    assertThatThrownBy(
            () -> calendar.isWorkingDay(calendar.coveredUntil().plusDays(1), Nation.ALL_UK))
        .isInstanceOf(CalendarException.class);
  }

  @Test
  void noWarningWhileMoreThanTheLeadTimeIsLeft() {
    var today = calendar.coveredUntil().minusDays(CalendarCoverage.LEAD_DAYS + 1);
    assertThat(coverageOn(today.getYear(), today.getMonthValue(), today.getDayOfMonth()).warning())
        .isEmpty();
  }

  @Test
  void warnsWhenTheFileEndsWithinTheLeadTimeNamingTheDateAndTheFix() {
    var today = calendar.coveredUntil().minusDays(40);
    assertThat(coverageOn(today.getYear(), today.getMonthValue(), today.getDayOfMonth()).warning())
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("ends on " + calendar.coveredUntil())
                    .contains("(40 days)")
                    .contains("config/calendar/bank-holidays.csv"));
  }

  @Test
  void saysDeadlinesAreNotComputedOnceTheFileHasEnded() {
    var today = calendar.coveredUntil().plusDays(2);
    assertThat(coverageOn(today.getYear(), today.getMonthValue(), today.getDayOfMonth()).warning())
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("ended on " + calendar.coveredUntil())
                    .contains("not being computed"));
  }

  private CalendarCoverage coverageOn(int year, int month, int day) {
    ZonedDateTime noon = ZonedDateTime.of(year, month, day, 12, 0, 0, 0, LONDON);
    return new CalendarCoverage(calendar, Clock.fixed(noon.toInstant(), LONDON));
  }
}
