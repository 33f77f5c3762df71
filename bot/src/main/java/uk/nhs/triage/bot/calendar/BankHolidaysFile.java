package uk.nhs.triage.bot.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code date,nation,name} lines. Lines starting with {@code #}, blank lines and the header
 * line are skipped; anything else that is wrong stops the load with the file, line and reason.
 */
public final class BankHolidaysFile {
  private static final String HEADER = "date,nation,name";

  private BankHolidaysFile() {}

  public static List<BankHoliday> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CalendarException(file + ": cannot read bank holidays file: " + e.getMessage(), e);
    }
    List<BankHoliday> holidays = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase(HEADER)) {
        continue;
      }
      BankHoliday holiday = parse(line, file, i + 1);
      if (!seen.add(holiday.date() + "," + holiday.nation())) {
        throw error(
            file, i + 1, "duplicate holiday " + holiday.date() + " for " + holiday.nation().key());
      }
      holidays.add(holiday);
    }
    if (holidays.isEmpty()) {
      throw new CalendarException(file + ": no bank holidays in the file");
    }
    return List.copyOf(holidays);
  }

  private static BankHoliday parse(String line, Path file, int lineNumber) {
    String[] fields = line.split(",", 3);
    if (fields.length != 3) {
      throw error(
          file, lineNumber, "expected 3 fields date,nation,name but found " + fields.length);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(fields[0].strip());
    } catch (DateTimeParseException e) {
      throw error(file, lineNumber, "'" + fields[0].strip() + "' is not a date like 2026-12-25");
    }
    Nation nation;
    try {
      nation = Nation.fromKey(fields[1].strip());
    } catch (IllegalArgumentException e) {
      throw error(file, lineNumber, e.getMessage());
    }
    String name = fields[2].strip();
    if (name.isEmpty()) {
      throw error(file, lineNumber, "the holiday has no name");
    }
    return new BankHoliday(date, nation, name);
  }

  private static CalendarException error(Path file, int line, String reason) {
    return new CalendarException(file + ":" + line + ": " + reason);
  }
}
