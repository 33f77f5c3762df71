package uk.nhs.triage.bot.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working days and office hours in the UK. A working day is Monday to Friday, less the bank
 * holidays of the nations the caller names: FOI counts all UK nations, NHS complaints England and
 * Wales.
 */
public final class WorkingCalendar {
  private final Map<Nation, Set<LocalDate>> holidays = new EnumMap<>(Nation.class);
  private final int firstYear;
  private final int lastYear;
  private final ZoneId zone;
  private final OfficeHours officeHours;
  private final String source;

  public WorkingCalendar(
      List<BankHoliday> bankHolidays, ZoneId zone, OfficeHours officeHours, String source) {
    if (bankHolidays.isEmpty()) {
      throw new CalendarException(source + ": no bank holidays given");
    }
    for (Nation nation : Nation.values()) {
      holidays.put(nation, new HashSet<>());
    }
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (BankHoliday holiday : bankHolidays) {
      holidays.get(holiday.nation()).add(holiday.date());
      first = Math.min(first, holiday.date().getYear());
      last = Math.max(last, holiday.date().getYear());
    }
    this.firstYear = first;
    this.lastYear = last;
    this.zone = zone;
    this.officeHours = officeHours;
    this.source = source;
  }

  /** Reads the bank holidays file; office hours 09:00-17:00, zone Europe/London. */
  public static WorkingCalendar load(Path bankHolidaysFile) {
    return load(bankHolidaysFile, ZoneId.of("Europe/London"), OfficeHours.DEFAULT);
  }

  public static WorkingCalendar load(Path bankHolidaysFile, ZoneId zone, OfficeHours officeHours) {
    return new WorkingCalendar(
        BankHolidaysFile.read(bankHolidaysFile), zone, officeHours, bankHolidaysFile.toString());
  }

  /** The last day whose bank holidays the file lists: working days after it cannot be counted. */
  public LocalDate coveredUntil() {
    return LocalDate.of(lastYear, 12, 31);
  }

  public ZoneId zone() {
    return zone;
  }

  public OfficeHours officeHours() {
    return officeHours;
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public boolean isBankHoliday(LocalDate date, Set<Nation> nations) {
    checkCovered(date);
    for (Nation nation : nations) {
      if (holidays.get(nation).contains(date)) {
        return true;
      }
    }
    return false;
  }

  public boolean isWorkingDay(LocalDate date, Set<Nation> nations) {
    DayOfWeek day = date.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return false;
    }
    return !isBankHoliday(date, nations);
  }

  /**
   * The {@code n}th working day after the date of receipt: day 1 is the first working day after
   * {@code receipt}, whatever kind of day the receipt date is (FOI Act s.10, ICO guidance).
   */
  public LocalDate addWorkingDays(LocalDate receipt, int n, Set<Nation> nations) {
    if (n < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + n);
    }
    if (nations.isEmpty()) {
      throw new IllegalArgumentException("name at least one nation whose bank holidays count");
    }
    LocalDate date = receipt;
    int counted = 0;
    while (counted < n) {
      date = date.plusDays(1);
      if (isWorkingDay(date, nations)) {
        counted++;
      }
    }
    return date;
  }

  public boolean isOfficeHours(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    if (!isWorkingDay(local.toLocalDate(), officeHours.holidayNations())) {
      return false;
    }
    var time = local.toLocalTime();
    return !time.isBefore(officeHours.opens()) && time.isBefore(officeHours.closes());
  }

  /** {@code instant} itself when the office is open then, else the moment it next opens. */
  public Instant nextOfficeOpening(Instant instant) {
    if (isOfficeHours(instant)) {
      return instant;
    }
    ZonedDateTime local = instant.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (!isWorkingDay(date, officeHours.holidayNations())
        || !local.toLocalTime().isBefore(officeHours.opens())) {
      date = addWorkingDays(date, 1, officeHours.holidayNations());
    }
    return date.atTime(officeHours.opens()).atZone(zone).toInstant();
  }

  /** When the office closes on {@code date}: a deadline counted in days falls due then. */
  public Instant closeOfBusiness(LocalDate date) {
    return date.atTime(officeHours.closes()).atZone(zone).toInstant();
  }

  // Counting past the file's last year would silently ignore holidays: refuse instead.
  private void checkCovered(LocalDate date) {
    if (date.getYear() < firstYear || date.getYear() > lastYear) {
      throw new CalendarException(
          source
              + ": bank holidays cover "
              + firstYear
              + "-"
              + lastYear
              + " only, cannot count working days on "
              + date
              + "; add that year's holidays");
    }
  }
}
