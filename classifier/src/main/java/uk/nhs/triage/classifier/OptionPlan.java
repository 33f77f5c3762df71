package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * How an alternation tries its options, in flat arrays rather than by visiting each option's
 * object: per 64 options, {@code single} has the bits of one-word options (tried when their word
 * occurs, {@code terms[i]} being option i's word) and {@code always} those of options that are
 * neither a word nor a phrase (a bracketed group), which are always tried. Phrase options are tried
 * when marked ({@link Alternatives}).
 *
 * <p>Which one-word options occur is found from whichever side is shorter: the options' words, each
 * looked up in the comment, or the comment's distinct words, each looked up in the options' words
 * ({@code table}: an open-addressing hash of term to first option, {@code nextOption} linking
 * options of the same word). A long alternation (a hundred words) thus costs about as many lookups
 * as the comment has words.
 */
record OptionPlan(
    long[] single,
    long[] always,
    int[] terms,
    int singleCount,
    int[] tableTerms,
    int[] tableOptions,
    int[] nextOption) {

  /** Alternations with fewer one-word options than this are always checked option by option. */
  private static final int TABLE_FROM = 8;

  static OptionPlan of(List<Expression> options) {
    int words = (options.size() + 63) / 64;
    long[] single = new long[words];
    long[] always = new long[words];
    int[] terms = new int[options.size()];
    int singles = 0;
    for (int i = 0; i < options.size(); i++) {
      terms[i] = -1;
      if (options.get(i) instanceof Expression.Words w) {
        if (w.slots().length == 1) {
          single[i >>> 6] |= 1L << i;
          terms[i] = w.slots()[0];
          singles++;
        }
      } else {
        always[i >>> 6] |= 1L << i;
      }
    }
    if (singles < TABLE_FROM) {
      return new OptionPlan(single, always, terms, singles, null, null, null);
    }
    int size = Integer.highestOneBit(singles * 4 - 1) << 1;
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
    return new OptionPlan(single, always, terms, singles, tableTerms, tableOptions, nextOption);
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

  /**
   * Writes, in {@code bits} from word {@code at} on, the bits of the one-word options whose word
   * occurs in the comment.
   */
  void wordsFound(CommentTokens tokens, long[] bits, int at) {
    if (tableTerms == null || singleCount <= tokens.touchedCount()) {
      for (int w = 0; w < single.length; w++) {
        long singles = single[w];
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
    for (int w = 0; w < single.length; w++) {
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
