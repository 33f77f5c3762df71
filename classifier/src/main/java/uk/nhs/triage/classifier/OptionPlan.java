package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * How an alternation tries its options, from one int array rather than by visiting each option's
 * object. For {@code n} options, {@code code[i]} is option {@code i}'s key word (a word option's
 * word, a phrase option's anchor word; -1 for any other option), {@code code[n + i]} where its own
 * code starts, and the options' code follows, in written order:
 *
 * <ul>
 *   <li>a word: {@link #WORD}, its term;
 *   <li>a phrase: {@link #PHRASE}, its length {@code n}, its anchor's place (the word looked up
 *       first, {@link Expression.Words#anchor}), its {@code n} words in order, then the count and
 *       the terms of its distinct words other than the anchor word;
 *   <li>anything else (a bracketed group, tried as its own expression): {@link #OTHER}.
 * </ul>
 *
 * A word option can match only when its word occurs, a phrase only when all its words do; other
 * options are always tried. Usually the options are read front to back, each tested against the
 * comment's words. A long alternation whose word and phrase options outnumber the comment's
 * distinct words finds those whose key word occurs the other way round, looking each of the
 * comment's words up in its key words ({@code tableTerms}: an open-addressing hash of term to first
 * option, {@code nextOption} linking options of the same key word), and tries those and the {@code
 * always} options (bit masks, 64 options a word) in written order: a hundred-word alternation then
 * costs about as many look-ups as the comment has distinct words.
 *
 * <p>The plan is what an alternation compiles to: {@link RulePrograms} copies its code and its
 * table into the rule's program, where they are read while classifying.
 */
record OptionPlan(
    int[] code,
    int options,
    long[] always,
    int keyedCount,
    int[] tableTerms,
    int[] tableOptions,
    int[] nextOption) {

  static final int WORD = 0;
  static final int PHRASE = 1;
  static final int OTHER = 2;

  /** Alternations with fewer keyed options than this are always read front to back. */
  private static final int TABLE_FROM = 8;

  static OptionPlan of(List<Expression> options) {
    int n = options.size();
    long[] always = new long[(n + 63) / 64];
    int[] at = new int[n];
    int[] keys = new int[n];
    IntList code = new IntList();
    int keyedCount = 0;
    for (int i = 0; i < n; i++) {
      at[i] = code.size();
      keys[i] = -1;
      int[] option;
      if (options.get(i) instanceof Expression.Words w) {
        int[] slots = w.slots();
        int key = slots[w.anchor()];
        keys[i] = key;
        keyedCount++;
        if (slots.length == 1) {
          option = new int[] {WORD, key};
        } else {
          int[] others = Arrays.stream(slots).distinct().filter(t -> t != key).toArray();
          option = new int[3 + slots.length + 1 + others.length];
          option[0] = PHRASE;
          option[1] = slots.length;
          option[2] = w.anchor();
          System.arraycopy(slots, 0, option, 3, slots.length);
          option[3 + slots.length] = others.length;
          System.arraycopy(others, 0, option, 4 + slots.length, others.length);
        }
      } else {
        always[i >>> 6] |= 1L << i;
        option = new int[] {OTHER};
      }
      code.addAll(option);
    }
    // the key words first, then where each option's code starts, then the options' code
    int[] plan = new int[2 * n + code.size()];
    System.arraycopy(keys, 0, plan, 0, n);
    for (int i = 0; i < n; i++) {
      plan[n + i] = 2 * n + at[i];
    }
    code.copyTo(plan, 2 * n);
    if (keyedCount < TABLE_FROM) {
      return new OptionPlan(plan, n, always, keyedCount, null, null, null);
    }
    int size = Integer.highestOneBit(keyedCount * 4 - 1) << 1;
    int[] tableTerms = new int[size];
    int[] tableOptions = new int[size];
    int[] nextOption = new int[n];
    Arrays.fill(tableTerms, -1);
    Arrays.fill(nextOption, -1);
    // later options first, so each chain lists a word's options in written order
    for (int i = n - 1; i >= 0; i--) {
      if (keys[i] < 0) {
        continue;
      }
      int slot = slot(tableTerms, keys[i]);
      if (tableTerms[slot] == keys[i]) {
        nextOption[i] = tableOptions[slot];
      }
      tableTerms[slot] = keys[i];
      tableOptions[slot] = i;
    }
    return new OptionPlan(plan, n, always, keyedCount, tableTerms, tableOptions, nextOption);
  }

  /** The slot of {@code term} in the table, or the empty slot where it would go. */
  private static int slot(int[] tableTerms, int term) {
    return slot(tableTerms, 0, tableTerms.length, term);
  }

  /**
   * The slot of {@code term} in a table of {@code size} terms (a power of two) written in {@code
   * code} from {@code from} on, or the empty slot where it would go: how a {@link RulePrograms}
   * program finds an option by its key word in the table copied from here.
   */
  static int slot(int[] code, int from, int size, int term) {
    int mask = size - 1;
    int i = (term * 0x9E3779B9) >>> 7 & mask;
    while (code[from + i] != -1 && code[from + i] != term) {
      i = (i + 1) & mask;
    }
    return i;
  }
}
