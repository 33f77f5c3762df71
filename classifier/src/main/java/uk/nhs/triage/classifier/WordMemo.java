package uk.nhs.triage.classifier;

import java.util.Arrays;

/**
 * Remembers the normalised form of each word as written, so the spelling map and the stemmer run
 * once per distinct word rather than once per occurrence: comments reuse a small vocabulary. Each
 * word gets a slot number that readers may use to remember more about it; when the memo is full it
 * forgets everything and starts a new generation, so slot numbers are only valid within one.
 * Belongs to one token stream, hence to one thread.
 */
final class WordMemo {
  /** Distinct words kept before starting afresh: a few hundred kilobytes at most. */
  static final int CAPACITY = 8192;

  private final int[] table = new int[CAPACITY * 2];
  private final int mask = table.length - 1;
  private final char[][] words = new char[CAPACITY][];
  private final char[][] normalised = new char[CAPACITY][];
  private final char[][] corrected = new char[CAPACITY][];
  private final int[] hashes = new int[CAPACITY];
  private int count;
  private int generation;

  /** The slot of a word, or -1 when it is not remembered. */
  int find(char[] word, int length, int hash) {
    int i = hash & mask;
    while (true) {
      int entry = table[i];
      if (entry == 0) {
        return -1;
      }
      int slot = entry - 1;
      if (hashes[slot] == hash && same(words[slot], word, length)) {
        return slot;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Remembers a word not yet remembered, its normalised form and, when it was misspelt, its
   * correction (else null), and returns its slot.
   */
  int add(char[] word, int length, int hash, char[] normalisedWord, char[] correction) {
    if (count == CAPACITY) {
      Arrays.fill(table, 0);
      Arrays.fill(words, null);
      Arrays.fill(normalised, null);
      Arrays.fill(corrected, null);
      count = 0;
      generation++;
    }
    int slot = count++;
    words[slot] = Arrays.copyOf(word, length);
    normalised[slot] = normalisedWord;
    corrected[slot] = correction;
    hashes[slot] = hash;
    int i = hash & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = slot + 1;
    return slot;
  }

  char[] normalised(int slot) {
    return normalised[slot];
  }

  /** The word's correction as written, or null when it was not corrected. */
  char[] corrected(int slot) {
    return corrected[slot];
  }

  /** Changes whenever slot numbers are reused for other words. */
  int generation() {
    return generation;
  }

  static int hash(char[] word, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + word[i];
    }
    return h ^ (h >>> 16);
  }

  private static boolean same(char[] remembered, char[] word, int length) {
    return remembered.length == length && Arrays.equals(remembered, 0, length, word, 0, length);
  }
}
