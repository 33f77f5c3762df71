package uk.nhs.triage.bot.calendar;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When the comms team watches the accounts: Monday to Friday between {@code opens} and {@code
 * closes}, except the bank holidays of {@code holidayNations} (004 §4.5).
 */
public record OfficeHours(LocalTime opens, LocalTime closes, Set<Nation> holidayNations) {
  public static final OfficeHours DEFAULT =
      new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0), Nation.ENGLAND);

  public OfficeHours {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "office hours must open before they close, got " + opens + "-" + closes);
    }
    holidayNations = Set.copyOf(holidayNations);
  }
}
