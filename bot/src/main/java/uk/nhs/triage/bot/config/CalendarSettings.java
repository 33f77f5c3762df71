package uk.nhs.triage.bot.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import uk.nhs.triage.bot.calendar.Nation;
import uk.nhs.triage.bot.calendar.OfficeHours;
import uk.nhs.triage.bot.calendar.WorkingCalendar;

/** The bank holidays file, the time zone and the comms team's office hours. */
public record CalendarSettings(
    Path bankHolidays, ZoneId zone, LocalTime officeOpens, LocalTime officeCloses) {

  /** Office hours exclude England and Wales bank holidays: the comms team works in England. */
  public OfficeHours officeHours() {
    return new OfficeHours(officeOpens, officeCloses, Nation.ENGLAND);
  }

  public WorkingCalendar load() {
    return WorkingCalendar.load(bankHolidays, zone, officeHours());
  }
}
