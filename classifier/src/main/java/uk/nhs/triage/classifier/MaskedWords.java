package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a masked word as the word it hides: "t*at" is "twat", "a$$holes" "assholes" or "arseholes",
 * "k1ll" "kill", "unal!ve" "unalive". People mask the words they expect a filter to catch, swearing
 * and (on some platforms) suicide and self-harm, so a masked word is read only into the words of
 * the label files {@code typos.conf} lists under {@code masked}: the first of them, in file order,
 * that fits. A mask ({@code *}, or {@code $ ! @} inside a word, kept whole by {@link
 * SocialMarkCharFilter}) stands for any one letter, and a digit for the letters it looks like (0 o,
 * 1 i or l, 3 e, 4 a, 5 s, 7 t). A rule's wildcard prefix fits the start of a longer word ("fuck*"
 * reads "f***ing" as "fucking").
 *
 * <p>Only a word of four characters or more that starts with a letter and has at least two letters
 * is read ("a*s", "b4" and "*uck" are not), and only into a word of letters: "f*ck*ng" against
 * "fuck*" is not read. A word that fits no listed word is left as written, and so is a masked
 * spelling a rule file writes itself ({@code c*ck*}, {@code tw*t}): the rule means that spelling,
 * and reading the rule's own term would widen it ("c*ck*" read as "cock*" meets "cocktail").
 */
final class MaskedWords {
  /** Words of four letters or more, and wildcard prefixes of three or more, in rule lines. */
  private static final Pattern WORD =
      Pattern.compile("(?<![a-z*$_'0-9])([a-z]{3,})(\\*)?(?![a-z*_'0-9])");

  /** A word with a mask or a digit inside, as a rule file may write it, trailing wildcard apart. */
  private static final Pattern WRITTEN =
      Pattern.compile("(?<![a-z*$_'0-9])([a-z][a-z0-9*$!@]*[a-z0-9])\\*?(?![a-z*_'0-9])");

  private static final MaskedWords NONE = new MaskedWords(List.of(), Set.of());

  /** A word to read into, or a wildcard prefix ({@code fuck*}) that fits a longer word's start. */
  private record Entry(char[] letters, boolean prefix) {}

  /** The listed words and prefixes, by first letter, each in file order. */
  private final Entry[][] byFirst = new Entry[26][];

  /** Masked spellings the rule files write themselves: left as written. */
  private final Set<String> written;

  private MaskedWords(List<Entry> entries, Set<String> written) {
    this.written = written;
    for (int b = 0; b < 26; b++) {
      char first = (char) ('a' + b);
      byFirst[b] = entries.stream().filter(e -> e.letters()[0] == first).toArray(Entry[]::new);
    }
  }

  /** Reads nothing. */
  static MaskedWords none() {
    return NONE;
  }

  /**
   * Reads into the words (four letters or more) and wildcard prefixes (three or more, written
   * {@code word*}) of {@code readInto}, outside comments and settings, in order; masked spellings
   * ({@code f*ck}) and operators are not words to read into. Leaves alone the masked spellings
   * written in {@code allRuleLines}.
   */
  static MaskedWords of(List<String> readInto, List<String> allRuleLines) {
    Set<String> written = new HashSet<>();
    for (String line : allRuleLines) {
      Matcher m = WRITTEN.matcher(ConfSettings.stripComment(line).toLowerCase(Locale.ROOT));
      while (m.find()) {
        char[] word =
            m.group(1).replace('$', '*').replace('!', '*').replace('@', '*').toCharArray();
        if (looksMasked(word, word.length)) {
          written.add(new String(word));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    List<Entry> entries = new ArrayList<>();
    for (String line : readInto) {
      String text = ConfSettings.stripComment(line).strip();
      if (text.isEmpty() || ConfSettings.SETTING.matcher(text).matches()) {
        continue;
      }
      Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) {
        boolean isPrefix = m.group(2) != null;
        String word = m.group(1);
        if ((isPrefix || word.length() >= 4)
            && !word.equals("unless")
            && seen.add(word + (isPrefix ? "*" : ""))) {
          entries.add(new Entry(word.toCharArray(), isPrefix));
        }
      }
    }
    return new MaskedWords(entries, written);
  }

  /**
   * Whether {@code word[0..length)} is written masked: four characters or more, a letter first, at
   * least two letters, and a mask or a look-alike digit among letters; nothing else but letters,
   * masks and digits.
   */
  static boolean looksMasked(char[] word, int length) {
    if (length < 4 || !isLetter(word[0])) {
      return false;
    }
    int letters = 0;
    boolean masked = false;
    for (int i = 0; i < length; i++) {
      char c = word[i];
      if (isLetter(c)) {
        letters++;
      } else if (c == '*' || lookAlike(c) != null) {
        masked = true;
      } else {
        return false;
      }
    }
    return masked && letters >= 2;
  }

  /** The word {@code word[0..length)} hides, or null when it is not masked or fits no word. */
  char[] read(char[] word, int length) {
    if (!looksMasked(word, length) || written.contains(new String(word, 0, length))) {
      return null;
    }
    for (Entry entry : byFirst[word[0] - 'a']) {
      char[] candidate = entry.letters();
      if (entry.prefix() ? length < candidate.length : length != candidate.length) {
        continue;
      }
      if (fits(word, candidate) && TypoCorrector.lettersOnly(word, candidate.length, length)) {
        char[] read = Arrays.copyOf(word, length);
        System.arraycopy(candidate, 0, read, 0, candidate.length);
        return read;
      }
    }
    return null;
  }

  private static boolean fits(char[] word, char[] candidate) {
    for (int i = 0; i < candidate.length; i++) {
      char c = word[i];
      if (c == candidate[i] || c == '*') {
        continue;
      }
      String letters = lookAlike(c);
      if (letters == null || letters.indexOf(candidate[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** The letters a digit is written for, or null. */
  private static String lookAlike(char c) {
    return switch (c) {
      case '0' -> "o";
      case '1' -> "il";
      case '3' -> "e";
      case '4' -> "a";
      case '5' -> "s";
      case '7' -> "t";
      default -> null;
    };
  }
}
