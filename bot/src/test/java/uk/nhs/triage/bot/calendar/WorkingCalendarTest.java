package uk.nhs.triage.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCalendarTest {
  static final Path SHIPPED = Path.of("../config/calendar/bank-holidays.csv");
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  final WorkingCalendar calendar = WorkingCalendar.load(SHIPPED);

  @Test
  void foiRequestOnFridayBeforeChristmasSkipsChristmasBoxingDayNewYearAndScotlandsSecondJanuary() {
    // By hand: Mon 22 (1), 23 (2), 24 (3), [25, 26 Dec], 29 (4), 30 (5), 31 (6), [1 Jan, 2 Jan
    // Scotland], 5-9 Jan (7-11), 12-16 Jan (12-16), 19 (17), 20 (18), 21 (19), Thu 22 Jan (20).
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 19), 20, Nation.ALL_UK))
        .isEqualTo(LocalDate.of(2026, 1, 22));
    // Without Scotland's 2 January the deadline would be a day earlier.
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 19), 20, Nation.ENGLAND))
        .isEqualTo(LocalDate.of(2026, 1, 21));
  }

  @Test
  void foiRequestReceivedOnSaturdayCountsFromMondayAndSkipsStPatricksDayAndEaster() {
    // Sat 14 Mar 2026: Mon 16 (1), [Tue 17 N. Ireland], 18-20 (2-4), 23-27 (5-9), 30 Mar-2 Apr
    // (10-13), [Good Friday 3, Easter Monday 6], 7-10 Apr (14-17), 13-15 Apr (18-20).
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 14), 20, Nation.ALL_UK))
        .isEqualTo(LocalDate.of(2026, 4, 15));
  }

  @Test
  void complaintAcknowledgementAcrossEasterWeekend() {
    // Thu 2 Apr 2026: [Good Friday 3, weekend, Easter Monday 6], Tue 7 (1), Wed 8 (2), Thu 9 (3).
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 2), 3, Nation.ENGLAND))
        .isEqualTo(LocalDate.of(2026, 4, 9));
  }

  @Test
  void substituteDaysAreHolidaysInTheirNations() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28), Nation.ENGLAND)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 1), Set.of(Nation.SCOTLAND))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 1), Nation.ENGLAND)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 7, 14), Set.of(Nation.NORTHERN_IRELAND)))
        .isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4), Nation.ALL_UK)).isFalse();
  }

  @Test
  void officeHoursAreNineToFiveOnEnglishWorkingDaysInLondonTime() {
    // 08:30 UTC in July is 09:30 BST: open.
    assertThat(calendar.isOfficeHours(Instant.parse("2026-07-15T08:30:00Z"))).isTrue();
    assertThat(calendar.isOfficeHours(Instant.parse("2026-07-15T16:00:00Z"))).isFalse();
    assertThat(calendar.isOfficeHours(Instant.parse("2026-01-14T16:59:00Z"))).isTrue();
    assertThat(calendar.isOfficeHours(Instant.parse("2026-11-28T10:00:00Z"))).isFalse();
    // St Andrew's Day is a Scottish holiday only: the English office is open.
    assertThat(calendar.isOfficeHours(Instant.parse("2026-11-30T10:00:00Z"))).isTrue();
  }

  @Test
  void nextOfficeOpeningAfterSaturdayNightIsMondayNine() {
    assertThat(calendar.nextOfficeOpening(Instant.parse("2026-11-28T02:00:00Z")))
        .isEqualTo(london(2026, 11, 30, 9));
  }

  @Test
  void nextOfficeOpeningAfterChristmasEveEveningSkipsTheSubstituteBoxingDay() {
    assertThat(calendar.nextOfficeOpening(london(2026, 12, 24, 17)))
        .isEqualTo(london(2026, 12, 29, 9));
  }

  @Test
  void nextOfficeOpeningEarlyOnAWorkingDayIsThatMorning() {
    assertThat(calendar.nextOfficeOpening(london(2026, 6, 10, 7)))
        .isEqualTo(london(2026, 6, 10, 9));
    Instant open = london(2026, 6, 10, 11);
    assertThat(calendar.nextOfficeOpening(open)).isEqualTo(open);
  }

  @Test
  void datesBeyondTheFileAreRefusedNotGuessed() {
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2028, 12, 20), 20, Nation.ALL_UK))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("bank-holidays.csv")
        .hasMessageContaining("2024-2028");
  }

  @Test
  void badLineNamesFileLineAndReason(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("holidays.csv");
    Files.writeString(
        file,
        "date,nation,name\n2026-12-25,england-and-wales,Christmas Day\n2026-12-28,wales,Boxing Day\n");
    assertThatThrownBy(() -> WorkingCalendar.load(file))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("holidays.csv:3:")
        .hasMessageContaining("unknown nation 'wales'");

    Files.writeString(file, "date,nation,name\n25/12/2026,scotland,Christmas Day\n");
    assertThatThrownBy(() -> WorkingCalendar.load(file))
        .hasMessageContaining("holidays.csv:2:")
        .hasMessageContaining("'25/12/2026' is not a date");

    Files.writeString(file, "2026-12-25,scotland\n");
    assertThatThrownBy(() -> WorkingCalendar.load(file))
        .hasMessageContaining("holidays.csv:1:")
        .hasMessageContaining("expected 3 fields");
  }

  private static Instant london(int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, LONDON).toInstant();
  }
}
