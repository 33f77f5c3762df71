package uk.nhs.triage.classifier;

import java.util.Arrays;

/**
 * The words {@link TypoCorrector} knows, each with how often the example corpora use it, in one
 * open-addressing table keyed by a polynomial hash of the word's letters.
 *
 * <p>The hash is chosen so that a one-letter edit of a word changes it by an amount worked out from
 * the word's prefix hashes in a few multiplications: a misspelt word's hundreds of one-edit
 * variants are looked up without building or hashing each one, and a variant's letters are built
 * and compared only when its hash is found (docs/decisions/typo-correction.md). Most variants are
 * no word at all: a bit filter of half a megabyte, two bits a word, turns nearly all of them away
 * before the table itself (several megabytes, slow to reach at random) is read.
 */
final class KnownWords {
  private static final long BASE = 0x100000001B3L;
  private static final int MAX_LENGTH = 64;

  private final long[] hashes;
  private final char[][] words;
  private final int[] uses;
  private final int mask;
  private final long[] filter = new long[1 << (FILTER_BITS - 6)];
  private int size;

  /** The filter holds 2^22 bits. */
  private static final int FILTER_BITS = 22;

  /** A table for about {@code expected} words. */
  KnownWords(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected + expected / 2)) << 1;
    hashes = new long[capacity];
    words = new char[capacity][];
    uses = new int[capacity];
    mask = capacity - 1;
  }

  /** The hash of {@code word[0..length)}. */
  static long hash(char[] word, int length) {
    long h = 0;
    for (int i = 0; i < length; i++) {
      h = h * BASE + word[i];
    }
    return h;
  }

  /** Adds a word with its uses, or raises the uses of a word already known to at least these. */
  void add(String word, int count) {
    char[] letters = word.toCharArray();
    long h = hash(letters, letters.length);
    int slot = slot(h, letters, letters.length);
    if (slot >= 0) {
      uses[slot] = Math.max(uses[slot], count);
      return;
    }
    if (size * 4 >= words.length * 3) {
      throw new IllegalStateException("more known words than the table was made for");
    }
    int i = spread(h) & mask;
    while (words[i] != null) {
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    words[i] = letters;
    long x = h * 0x9E3779B97F4A7C15L;
    setBit((int) (x >>> (64 - FILTER_BITS)));
    setBit((int) x >>> (32 - FILTER_BITS));
    uses[i] = count;
    size++;
  }

  /** Whether {@code word[0..length)} is known. */
  boolean contains(char[] word, int length) {
    return slot(hash(word, length), word, length) >= 0;
  }

  /**
   * The slot of the word with hash {@code h} whose letters are {@code word[0..length)}, or -1 when
   * it is not known.
   */
  int slot(long h, char[] word, int length) {
    for (int i = spread(h) & mask; words[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h
          && words[i].length == length
          && Arrays.equals(words[i], 0, length, word, 0, length)) {
        return i;
      }
    }
    return -1;
  }

  private void setBit(int bit) {
    filter[bit >>> 6] |= 1L << bit;
  }

  private boolean bit(int bit) {
    return (filter[bit >>> 6] & (1L << bit)) != 0;
  }

  /** Whether a known word may have hash {@code h}: false for nearly every hash no word has. */
  private boolean mayHold(long h) {
    long x = h * 0x9E3779B97F4A7C15L;
    return bit((int) (x >>> (64 - FILTER_BITS))) && bit((int) x >>> (32 - FILTER_BITS));
  }

  char[] word(int slot) {
    return words[slot];
  }

  int uses(int slot) {
    return uses[slot];
  }

  /**
   * Calls {@code visitor} with the slot of every known word one edit from {@code word[0..length)}
   * (a letter dropped, added or changed among a–z, or two neighbours swapped); a word reached by
   * two edits is offered twice. Words longer than {@value #MAX_LENGTH} letters have no variants.
   */
  void forEachOneEditAway(char[] word, int length, SlotVisitor visitor) {
    if (length > MAX_LENGTH) {
      return;
    }
    long[] prefix = new long[length + 1];
    long[] power = new long[length + 2];
    power[0] = 1;
    for (int i = 0; i < length; i++) {
      prefix[i + 1] = prefix[i] * BASE + word[i];
      power[i + 1] = power[i] * BASE;
    }
    power[length + 1] = power[length] * BASE;
    long whole = prefix[length];
    char[] edit = new char[length + 1];
    for (int i = 0; i < length; i++) {
      // dropped at i
      long dropped = prefix[i] * power[length - 1 - i] + suffix(prefix, power, length, i + 1);
      check(dropped, edit, word, length, i, Edit.DROP, '\0', visitor);
      // changed at i
      for (char c = 'a'; c <= 'z'; c++) {
        if (c != word[i]) {
          long changed = whole + (c - word[i]) * power[length - 1 - i];
          check(changed, edit, word, length, i, Edit.CHANGE, c, visitor);
        }
      }
      // swapped with the next
      if (i + 1 < length && word[i] != word[i + 1]) {
        long swapped =
            whole
                + (word[i + 1] - word[i]) * power[length - 1 - i]
                + (word[i] - word[i + 1]) * power[length - 2 - i];
        check(swapped, edit, word, length, i, Edit.SWAP, '\0', visitor);
      }
    }
    // added before position i
    for (int i = 0; i <= length; i++) {
      long head = prefix[i] * BASE;
      long tail = suffix(prefix, power, length, i);
      for (char c = 'a'; c <= 'z'; c++) {
        long added = (head + c) * power[length - i] + tail;
        check(added, edit, word, length, i, Edit.ADD, c, visitor);
      }
    }
  }

  /** The hash of {@code word[from..length)}. */
  private static long suffix(long[] prefix, long[] power, int length, int from) {
    return prefix[length] - prefix[from] * power[length - from];
  }

  private enum Edit {
    DROP,
    CHANGE,
    SWAP,
    ADD
  }

  private void check(
      long h,
      char[] edit,
      char[] word,
      int length,
      int at,
      Edit kind,
      char c,
      SlotVisitor visitor) {
    if (!mayHold(h)) {
      return; // the common case: no known word has this variant's hash
    }
    int n = build(edit, word, length, at, kind, c);
    int slot = slot(h, edit, n);
    if (slot >= 0) {
      visitor.visit(slot);
    }
  }

  private static int build(char[] edit, char[] word, int length, int at, Edit kind, char c) {
    switch (kind) {
      case DROP -> {
        System.arraycopy(word, 0, edit, 0, at);
        System.arraycopy(word, at + 1, edit, at, length - at - 1);
        return length - 1;
      }
      case CHANGE -> {
        System.arraycopy(word, 0, edit, 0, length);
        edit[at] = c;
        return length;
      }
      case SWAP -> {
        System.arraycopy(word, 0, edit, 0, length);
        edit[at] = word[at + 1];
        edit[at + 1] = word[at];
        return length;
      }
      default -> {
        System.arraycopy(word, 0, edit, 0, at);
        edit[at] = c;
        System.arraycopy(word, at, edit, at + 1, length - at);
        return length + 1;
      }
    }
  }

  private static int spread(long h) {
    long x = h * 0x9E3779B97F4A7C15L;
    return (int) (x ^ (x >>> 32));
  }

  /** Receives the slot of a known word. */
  @FunctionalInterface
  interface SlotVisitor {
    void visit(int slot);
  }
}
