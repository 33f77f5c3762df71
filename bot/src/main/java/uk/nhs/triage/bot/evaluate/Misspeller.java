package uk.nhs.triage.bot.evaluate;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts typos into a labelled corpus's texts, seeded, to measure what misspelt words cost the
 * classifier ({@code evaluate --typos}): each word of five letters or more is, with the given
 * chance, given one slip of the kind people make typing on a phone: a letter dropped, two
 * neighbours swapped, a letter doubled, or a vowel changed. The first and last letters are kept.
 */
public final class Misspeller {
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{5,}");
  private static final String VOWELS = "aeiou";

  private final double rate;
  private final SplittableRandom random;

  /**
   * @param rate the chance that a word of five letters or more gets a typo, 0 to 1
   * @param seed the same seed gives the same typos
   */
  public Misspeller(double rate, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("the typo rate must be between 0 and 1, not " + rate);
    }
    this.rate = rate;
    this.random = new SplittableRandom(seed);
  }

  /** The text with typos in some of its longer words. */
  public String misspell(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String word = m.group();
      m.appendReplacement(
          out, Matcher.quoteReplacement(random.nextDouble() < rate ? slip(word) : word));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String slip(String word) {
    int kind = random.nextInt(4);
    // a letter between the first and the last (for a swap, the pair too)
    int i = 1 + random.nextInt(word.length() - (kind == 1 ? 3 : 2));
    return switch (kind) {
      case 0 -> word.substring(0, i) + word.substring(i + 1);
      case 1 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
      case 2 -> word.substring(0, i + 1) + word.substring(i);
      default -> word.substring(0, i) + VOWELS.charAt(random.nextInt(5)) + word.substring(i + 1);
    };
  }
}
