package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern detectors over the raw comment for data that identifies a person. Cheap checks (a digit
 * count, an {@code @}) decide which detectors need to look at all, and the one pass over the
 * characters notes where a postcode could start, so ordinary comments cost that one pass and the
 * regular expressions are tried only where they could match.
 */
final class PersonalData {
  /** The kinds of personal data a detector finds; the names used in personal_data.rules. */
  enum Kind {
    NHS_NUMBER,
    MOBILE_PHONE,
    LANDLINE_PHONE,
    EMAIL,
    POSTCODE,
    DATE_OF_BIRTH;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One finding: the kind and the match with most of it masked. */
  record Finding(Kind kind, String masked) {}

  private static final Pattern POSTCODE =
      Pattern.compile(
          "(?<![A-Za-z0-9])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?) ?([0-9][A-Za-z]{2})(?![A-Za-z0-9])");
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String DATE =
      "(?:[0-9]{1,2}[/.\\-][0-9]{1,2}[/.\\-](?:19|20)?[0-9]{2}"
          + "|[0-9]{1,2}(?:st|nd|rd|th)?(?: of)? "
          + MONTH
          + ",? (?:19|20)[0-9]{2}"
          + "|"
          + MONTH
          + " [0-9]{1,2}(?:st|nd|rd|th)?,? (?:19|20)[0-9]{2})";
  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?<![a-z])(?:d\\.? ?o\\.? ?b\\.?|date of birth|birth ?date|born(?: on)?)"
              + "[\\s:\\-,]{0,3}(?:is |was |on )?(?:the )?("
              + DATE
              + ")",
          Pattern.CASE_INSENSITIVE);

  private PersonalData() {}

  static List<Finding> find(String text, List<String> organisationalDomains) {
    if (!mayHoldAny(text)) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>(0);
    int digits = 0;
    boolean at = false;
    boolean birthWord = false;
    int[] postcodeStarts = null;
    int postcodeCount = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (i > 0 && isAsciiLetter(text.charAt(i - 1)) && inwardCodeFollows(text, i)) {
          if (postcodeStarts == null) {
            postcodeStarts = new int[8];
          } else if (postcodeCount + 2 > postcodeStarts.length) {
            postcodeStarts = Arrays.copyOf(postcodeStarts, postcodeStarts.length * 2);
          }
          if (i >= 2) {
            postcodeStarts[postcodeCount++] = i - 2;
          }
          postcodeStarts[postcodeCount++] = i - 1;
        }
      } else if (c == '@') {
        at = true;
      } else if (c == 'b' || c == 'B') {
        birthWord |= birthWordAt(text, i);
      }
    }
    if (digits >= 10) {
      numbers(text, found);
    }
    if (at) {
      emails(text, organisationalDomains, found);
    }
    if (digits >= 2 && postcodeCount > 0) {
      for (MatchResult m : matchesStartingAt(POSTCODE, text, postcodeStarts, postcodeCount)) {
        found.add(new Finding(Kind.POSTCODE, m.group(1).toUpperCase(Locale.ROOT) + " ***"));
      }
    }
    if (digits >= 2 && birthWord) {
      int[] starts = new int[16];
      int count = 0;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c == 'd' || c == 'D' || c == 'b' || c == 'B') {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i;
        }
      }
      for (MatchResult m : matchesStartingAt(DATE_OF_BIRTH, text, starts, count)) {
        found.add(new Finding(Kind.DATE_OF_BIRTH, maskDigits(m.group(), 2)));
      }
    }
    return found;
  }

  /**
   * Whether a detector could find anything: every kind needs an {@code @} (email) or at least two
   * digits (numbers ten, postcodes and dates two), so most comments are ruled out by this one cheap
   * look at their characters.
   */
  private static boolean mayHoldAny(String text) {
    int digits = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      // '0'..'9' and '@' are the only characters of interest in '0'..'@'
      if (c <= '@' && c >= '0') {
        if (c == '@' || (c <= '9' && ++digits >= 2)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What {@code pattern.matcher(text).find()} finds in turn, given every position where a match
   * could start (ascending): the pattern is tried only there instead of at every character.
   */
  private static List<MatchResult> matchesStartingAt(
      Pattern pattern, String text, int[] starts, int count) {
    List<MatchResult> out = new ArrayList<>(1);
    Matcher m = pattern.matcher(text).useTransparentBounds(true);
    int end = 0;
    for (int k = 0; k < count; k++) {
      int start = starts[k];
      if (start < end) {
        continue;
      }
      m.region(start, text.length());
      if (m.lookingAt()) {
        out.add(m.toMatchResult());
        end = m.end();
      }
    }
    return out;
  }

  /**
   * Whether the digit at {@code i} can begin a postcode's outward code: an inward code (digit and
   * two letters) starts one to three characters on.
   */
  private static boolean inwardCodeFollows(String text, int i) {
    for (int j = i + 1; j <= i + 3 && j + 2 < text.length(); j++) {
      if (isDigit(text.charAt(j))
          && isAsciiLetter(text.charAt(j + 1))
          && isAsciiLetter(text.charAt(j + 2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Whether the b at {@code i} is part of "born", "birth", "dob" or "d.o.b". */
  private static boolean birthWordAt(String text, int i) {
    char before = i > 0 ? Character.toLowerCase(text.charAt(i - 1)) : ' ';
    if (before == '.'
        || (before == 'o' && i > 1 && Character.toLowerCase(text.charAt(i - 2)) == 'd')) {
      return true;
    }
    return text.regionMatches(true, i + 1, "orn", 0, 3)
        || text.regionMatches(true, i + 1, "irth", 0, 4);
  }

  /** Runs of digits with single spaces, dashes, dots or brackets between groups. */
  private static void numbers(String text, List<Finding> found) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean starts =
          (c >= '0' && c <= '9') || (c == '+' && i + 1 < n && isDigit(text.charAt(i + 1)));
      if (!starts || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      StringBuilder digits = new StringBuilder(16);
      int j = i;
      boolean plus = c == '+';
      if (plus) {
        j++;
      }
      int lastDigit = j;
      while (j < n && digits.length() <= 16) {
        char d = text.charAt(j);
        if (isDigit(d)) {
          digits.append(d);
          lastDigit = j;
          j++;
        } else if ((d == ' ' || d == '-' || d == '.' || d == '(' || d == ')')
            && j + 1 < n
            && (isDigit(text.charAt(j + 1)) || (d == ' ' && text.charAt(j + 1) == '('))) {
          j++;
        } else if (d == ')') {
          j++;
        } else {
          break;
        }
      }
      int end = lastDigit + 1;
      boolean glued = end < n && Character.isLetterOrDigit(text.charAt(end));
      if (!glued) {
        classifyNumber(plus, digits.toString(), text.substring(i, end), found);
      }
      i = Math.max(end, i + 1);
    }
  }

  private static void classifyNumber(
      boolean plus, String digits, String written, List<Finding> found) {
    if (digits.length() == 10 && validNhsNumber(digits)) {
      found.add(new Finding(Kind.NHS_NUMBER, maskDigits(written, 3)));
      return;
    }
    String national = digits;
    if (plus && digits.startsWith("44")) {
      national = "0" + digits.substring(digits.startsWith("440") ? 3 : 2);
    } else if (digits.startsWith("0044")) {
      national = "0" + digits.substring(digits.startsWith("00440") ? 5 : 4);
    }
    if (national.length() == 11 && national.startsWith("07")) {
      found.add(new Finding(Kind.MOBILE_PHONE, maskDigits(written, 3)));
    } else if (national.length() == 11
        && (national.startsWith("01") || national.startsWith("02"))) {
      found.add(new Finding(Kind.LANDLINE_PHONE, maskDigits(written, 3)));
    }
  }

  /** NHS number check: weights 10..2 on the first nine digits, 11 minus the sum mod 11. */
  static boolean validNhsNumber(String digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  private static void emails(String text, List<String> organisational, List<Finding> found) {
    int from = 0;
    int at;
    while ((at = text.indexOf('@', from)) >= 0) {
      from = at + 1;
      int start = at;
      while (start > 0 && at - start < 64 && isLocalChar(text.charAt(start - 1))) {
        start--;
      }
      int end = at + 1;
      while (end < text.length() && end - at < 255 && isDomainChar(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      String domain = text.substring(at + 1, end).toLowerCase(Locale.ROOT);
      if (start == at || domain.indexOf('.') <= 0) {
        continue;
      }
      String mailbox = text.substring(start, at).toLowerCase(Locale.ROOT) + "@";
      if (isOrganisational(domain, organisational) || organisational.contains(mailbox)) {
        continue;
      }
      found.add(new Finding(Kind.EMAIL, text.charAt(start) + "***@" + domain));
    }
  }

  private static boolean isOrganisational(String domain, List<String> organisational) {
    for (String org : organisational) {
      if (domain.equals(org) || domain.endsWith("." + org)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLocalChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c))
        || c == '.'
        || c == '_'
        || c == '%'
        || c == '+'
        || c == '-';
  }

  private static boolean isDomainChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Masks every digit but the last {@code keep}. */
  private static String maskDigits(String written, int keep) {
    int total = 0;
    for (int i = 0; i < written.length(); i++) {
      if (isDigit(written.charAt(i))) {
        total++;
      }
    }
    StringBuilder b = new StringBuilder(written.length());
    int seen = 0;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (isDigit(c)) {
        seen++;
        b.append(seen > total - keep ? c : '*');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
