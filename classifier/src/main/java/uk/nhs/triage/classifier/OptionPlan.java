package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * How an alternation tries its options, in flat arrays rather than by visiting each option's
 * object: per 64 options, {@code keyed} has the bits of word and phrase options, tried only when
 * their key word {@code terms[i]} occurs (a phrase's {@link Expression.Words#anchor}) and, for a
 * phrase, its other words {@code others[othersFrom[i]..othersFrom[i+1])} too; {@code single} those
 * of one-word options among them; and {@code always} those of other options (a bracketed group),
 * which are always tried.
 *
 * <p>Which options' key words occur is found from whichever side is shorter: the key words, each
 * looked up in the comment, or the comment's distinct words, each looked up in the key words
 * ({@code tableTerms}: an open-addressing hash of term to first option, {@code nextOption} linking
 * options of the same key word). A long alternation (a hundred words) thus costs about as many
 * look-ups as the comment has distinct words.
 */
record OptionPlan(
    long[] keyed,
    long[] single,
    long[] always,
    int[] terms,
    int[] othersFrom,
    int[] others,
    int keyedCount,
    int[] tableTerms,
    int[] tableOptions,
    int[] nextOption) {

  /** Alternations with fewer keyed options than this are always checked option by option. */
  private static final int TABLE_FROM = 8;

  static OptionPlan of(List<Expression> options) {
    int words = (options.size() + 63) / 64;
    long[] keyed = new long[words];
    long[] single = new long[words];
    long[] always = new long[words];
    int[] terms = new int[options.size()];
    int[] othersFrom = new int[options.size() + 1];
    List<Integer> others = new java.util.ArrayList<>();
    int keyedCount = 0;
    for (int i = 0; i < options.size(); i++) {
      terms[i] = -1;
      if (options.get(i) instanceof Expression.Words w) {
        int key = w.slots()[w.anchor()];
        keyed[i >>> 6] |= 1L << i;
        terms[i] = key;
        keyedCount++;
        if (w.slots().length == 1) {
          single[i >>> 6] |= 1L << i;
        } else {
          Arrays.stream(w.slots()).distinct().filter(t -> t != key).forEach(others::add);
        }
      } else {
        always[i >>> 6] |= 1L << i;
      }
      othersFrom[i + 1] = others.size();
    }
    int[] otherWords = others.stream().mapToInt(Integer::intValue).toArray();
    if (keyedCount < TABLE_FROM) {
      return new OptionPlan(
          keyed, single, always, terms, othersFrom, otherWords, keyedCount, null, null, null);
    }
    int size = Integer.highestOneBit(keyedCount * 4 - 1) << 1;
    int[] tableTerms = new int[size];
    int[] tableOptions = new int[size];
    int[] nextOption = new int[options.size()];
    Arrays.fill(tableTerms, -1);
    Arrays.fill(nextOption, -1);
    // later options first, so each chain lists a word's options in written order
    for (int i = options.size() - 1; i >= 0; i--) {
      if (terms[i] < 0) {
        continue;
      }
      int slot = slot(tableTerms, terms[i]);
      if (tableTerms[slot] == terms[i]) {
        nextOption[i] = tableOptions[slot];
      }
      tableTerms[slot] = terms[i];
      tableOptions[slot] = i;
    }
    return new OptionPlan(
        keyed,
        single,
        always,
        terms,
        othersFrom,
        otherWords,
        keyedCount,
        tableTerms,
        tableOptions,
        nextOption);
  }

  /** The slot of {@code term} in the table, or the empty slot where it would go. */
  private static int slot(int[] tableTerms, int term) {
    int mask = tableTerms.length - 1;
    int i = (term * 0x9E3779B9) >>> 7 & mask;
    while (tableTerms[i] != -1 && tableTerms[i] != term) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Whether the words of phrase option {@code i} other than its key all occur. */
  boolean othersOccur(int i, CommentTokens tokens) {
    for (int k = othersFrom[i], end = othersFrom[i + 1]; k < end; k++) {
      if (tokens.occurrenceCount(others[k]) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes, in {@code bits} from word {@code at} on, the bits of the word and phrase options whose
   * key word occurs in the comment.
   */
  void keysFound(CommentTokens tokens, long[] bits, int at) {
    if (tableTerms == null || keyedCount <= tokens.touchedCount()) {
      for (int w = 0; w < keyed.length; w++) {
        long singles = keyed[w];
        long found = 0;
        while (singles != 0) {
          int bit = Long.numberOfTrailingZeros(singles);
          singles &= singles - 1;
          if (tokens.occurrenceCount(terms[(w << 6) + bit]) > 0) {
            found |= 1L << bit;
          }
        }
        bits[at + w] = found;
      }
      return;
    }
    for (int w = 0; w < keyed.length; w++) {
      bits[at + w] = 0;
    }
    for (int k = 0, n = tokens.touchedCount(); k < n; k++) {
      int term = tokens.touched(k);
      int slot = slot(tableTerms, term);
      if (tableTerms[slot] == term) {
        for (int i = tableOptions[slot]; i >= 0; i = nextOption[i]) {
          bits[at + (i >>> 6)] |= 1L << i;
        }
      }
    }
  }
}
