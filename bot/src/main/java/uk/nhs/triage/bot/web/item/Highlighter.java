package uk.nhs.triage.bot.web.item;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Splits a comment into plain and highlighted segments at the words the rules matched. The page
 * prints every segment as escaped text, so highlighting never needs HTML from the comment.
 */
public final class Highlighter {
  private Highlighter() {}

  /** A run of the comment's text; {@code marked} when rules matched it. */
  public record Segment(String text, boolean marked) {}

  public static List<Segment> segments(String text, Collection<String> matchedWords) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    boolean[] marked = new boolean[text.length()];
    for (String word : matchedWords) {
      if (word == null || word.isBlank()) {
        continue;
      }
      String needle = word.toLowerCase(Locale.ROOT);
      // Lower-casing can change length for a few scripts; then the offsets would not line up.
      if (lower.length() != text.length()) {
        break;
      }
      for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        if (wordBoundary(lower, at - 1) && wordBoundary(lower, at + needle.length())) {
          for (int i = at; i < at + needle.length(); i++) {
            marked[i] = true;
          }
        }
      }
    }
    List<Segment> segments = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || marked[i] != marked[start]) {
        segments.add(new Segment(text.substring(start, i), marked[start]));
        start = i;
      }
    }
    return segments;
  }

  private static boolean wordBoundary(String text, int index) {
    return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
  }
}
