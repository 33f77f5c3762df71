package uk.nhs.triage.bot.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString} writes it (ISO-8601 in UTC, the fraction in groups of
 * three digits, none when whole), without a formatter: a backfill writes several a comment, into
 * COPY rows and JSON. Years outside 0000–9999, which ISO-8601 writes with a sign, go through {@link
 * Instant#toString} itself.
 */
final class IsoInstants {
  private static final int SECONDS_A_DAY = 86_400;
  // 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z
  private static final long FIRST = -62_167_219_200L;
  private static final long PAST_LAST = 253_402_300_800L;

  private IsoInstants() {}

  static String text(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST || seconds >= PAST_LAST) {
      return instant.toString();
    }
    long day = Math.floorDiv(seconds, SECONDS_A_DAY);
    int second = (int) Math.floorMod(seconds, SECONDS_A_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    int year = date.getYear();
    int nano = instant.getNano();
    int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
    byte[] out = new byte[20 + (digits == 0 ? 0 : digits + 1)];
    put(out, 0, year, 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, second / 3600, 2);
    out[13] = ':';
    put(out, 14, second / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, second % 60, 2);
    int at = 19;
    if (digits > 0) {
      out[at++] = '.';
      put(out, at, digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano, digits);
      at += digits;
    }
    out[at] = 'Z';
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** {@code value} as {@code width} decimal digits, zero-padded, at {@code out[at]}. */
  private static void put(byte[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
