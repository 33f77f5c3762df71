package uk.nhs.triage.adapters;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether a reply read back from a platform is the reply we sent. Platforms keep the text but may
 * trim it, fold line breaks or re-compose accents, so the comparison ignores runs of white space
 * (spaces, tabs, line breaks, no-break spaces), white space at either end, and Unicode composition.
 */
public final class ReplyText {
  /**
   * Pages a look for our own reply reads at most. The retry that looks comes minutes after the
   * first attempt, and the platforms that can list newest first do, so a reply that is there is on
   * the first page or two; the bound keeps a hostile or endless listing from holding the sender.
   */
  public static final int LOOKUP_PAGES = 10;

  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");

  private ReplyText() {}

  /** True when both are the same text apart from white space and composition; null is no text. */
  public static boolean same(String sent, String read) {
    return sent != null && read != null && normalise(sent).equals(normalise(read));
  }

  static String normalise(String text) {
    return SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
  }
}
