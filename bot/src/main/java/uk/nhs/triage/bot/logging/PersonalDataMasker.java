package uk.nhs.triage.bot.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a person in a log line: NHS numbers and other long digit runs, UK phone
 * numbers and email addresses. Logs leave the service (files, aggregators); comment text must not
 * carry patients' identifiers with it.
 */
public final class PersonalDataMasker {
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");

  /** NHS numbers (3-3-4 or 10 digits) and phone numbers (+44 or 0, 10–11 digits, spaced or not). */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\p{N}])(?:\\+44\\s?|0044\\s?|0)?\\d(?:[\\s-]?\\d){8,11}(?![\\p{N}])");

  private PersonalDataMasker() {}

  public static String mask(String line) {
    if (line == null || line.isEmpty()) {
      return line;
    }
    String masked = EMAIL.matcher(line).replaceAll("***@***");
    Matcher numbers = NUMBER.matcher(masked);
    StringBuilder out = new StringBuilder(masked.length());
    while (numbers.find()) {
      String found = numbers.group();
      numbers.appendReplacement(out, Matcher.quoteReplacement(keepLastTwo(found)));
    }
    numbers.appendTail(out);
    return out.toString();
  }

  private static String keepLastTwo(String number) {
    StringBuilder masked = new StringBuilder(number.length());
    int digits = (int) number.chars().filter(Character::isDigit).count();
    int seen = 0;
    for (char c : number.toCharArray()) {
      if (Character.isDigit(c)) {
        seen++;
        masked.append(seen > digits - 2 ? c : '*');
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }
}
