package uk.nhs.triage.bot.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write times: in the organisation's time zone, to the minute. */
public final class Format {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

  private final ZoneId zone;

  public Format(ZoneId zone) {
    this.zone = zone;
  }

  public String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant.atZone(zone));
  }

  public String day(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  public String duration(Duration duration) {
    if (duration == null) {
      return "no actions yet";
    }
    long minutes = duration.toMinutes();
    return minutes < 60
        ? minutes + " min"
        : minutes < 48 * 60
            ? (minutes / 60) + " h " + (minutes % 60) + " min"
            : duration.toDays() + " days";
  }

  public String label(String wireName) {
    return wireName == null ? "" : wireName.replace('_', ' ');
  }

  public ZoneId zone() {
    return zone;
  }
}
