package uk.nhs.triage.classifier;

import java.util.Arrays;

/**
 * Reads a word stretched for effect ("sooo rudeeee", "shiiiite", "amaaazing") as the known word it
 * makes with each run of three or more of one letter cut to two letters or to one, twos first
 * ("goooood" is "good", not "god"). Asked by {@link TypoCorrector} for a word it does not know.
 */
final class StretchedWords {
  /** A word with more stretched runs than this is not read (2^runs spellings tried). */
  private static final int MAX_RUNS = 4;

  /** Which words are known. */
  interface Known {
    boolean contains(char[] word, int length);
  }

  private StretchedWords() {}

  /**
   * The first spelling of {@code word[0..length)} with its stretched runs cut that {@code known}
   * contains; null when the word has no run of three or none is known.
   */
  static char[] unstretched(char[] word, int length, Known known) {
    if (!hasRunOfThree(word, length)) {
      return null;
    }
    int[] runStart = new int[MAX_RUNS];
    int[] runLength = new int[MAX_RUNS];
    int runs = 0;
    for (int i = 0; i < length; ) {
      int j = i;
      while (j < length && word[j] == word[i]) {
        j++;
      }
      if (j - i >= 3) {
        if (runs == MAX_RUNS) {
          return null;
        }
        runStart[runs] = i;
        runLength[runs++] = j - i;
      }
      i = j;
    }
    char[] out = new char[length];
    // bit r of a choice set: run r cut to one letter; unset: to two (choices in order, twos first)
    for (int choice = 0; choice < 1 << runs; choice++) {
      int n = 0;
      int r = 0;
      for (int i = 0; i < length; ) {
        if (r < runs && i == runStart[r]) {
          int keep = (choice & (1 << r)) != 0 ? 1 : 2;
          for (int k = 0; k < keep; k++) {
            out[n++] = word[i];
          }
          i += runLength[r++];
        } else {
          out[n++] = word[i++];
        }
      }
      if (known.contains(out, n)) {
        return Arrays.copyOf(out, n);
      }
    }
    return null;
  }

  private static boolean hasRunOfThree(char[] word, int length) {
    for (int i = 2; i < length; i++) {
      if (word[i] == word[i - 1] && word[i] == word[i - 2]) {
        return true;
      }
    }
    return false;
  }
}
