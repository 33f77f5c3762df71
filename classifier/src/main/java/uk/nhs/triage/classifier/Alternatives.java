package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * Which options of every alternation ({@code a | "b c" | d*}) in the rules are worth trying on a
 * comment. Each option that is a word or phrase is indexed under its anchor word; one pass over the
 * comment's words then sets a bit per option whose anchor occurs, so an alternation of fifty
 * options tries the one or two that can match instead of checking all fifty. Built while the rules
 * are parsed; an alternation's bits start at word {@link Expression.AnyOf#base()} of 64 bits.
 */
final class Alternatives {
  private int[] terms = new int[256];
  private int[] bits = new int[256];

  /** Each option's words (a phrase's slots), to mark it only when all of them occur. */
  private int[][] optionWords = new int[256][];

  private int count;
  private int words;

  /** Reserves bits for an alternation's options and indexes those that have an anchor word. */
  int register(List<Expression> options) {
    int base = words;
    words += (options.size() + 63) / 64;
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i) instanceof Expression.Words w) {
        if (count == terms.length) {
          terms = Arrays.copyOf(terms, count * 2);
          bits = Arrays.copyOf(bits, count * 2);
          optionWords = Arrays.copyOf(optionWords, count * 2);
        }
        terms[count] = w.slots()[w.anchor()];
        bits[count] = base * 64 + i;
        optionWords[count] = othersThan(terms[count], w.slots());
        count++;
      }
    }
    return base;
  }

  /** A phrase's words other than its anchor, which is known to occur when its postings are read. */
  private static int[] othersThan(int anchor, int[] slots) {
    return Arrays.stream(slots).filter(t -> t != anchor).toArray();
  }

  /** The postings, by term: the option bits anchored on each of {@code termCount} terms. */
  Index index(int termCount) {
    int[] starts = new int[termCount + 1];
    for (int i = 0; i < count; i++) {
      starts[terms[i] + 1]++;
    }
    for (int t = 0; t < termCount; t++) {
      starts[t + 1] += starts[t];
    }
    int slotCount = 0;
    for (int i = 0; i < count; i++) {
      slotCount += optionWords[i].length;
    }
    int[] postings = new int[count * 3];
    int[] slots = new int[slotCount];
    int[] fill = Arrays.copyOf(starts, termCount);
    int nextSlot = 0;
    for (int i = 0; i < count; i++) {
      int at = 3 * fill[terms[i]]++;
      postings[at] = bits[i];
      postings[at + 1] = nextSlot;
      postings[at + 2] = optionWords[i].length;
      System.arraycopy(optionWords[i], 0, slots, nextSlot, optionWords[i].length);
      nextSlot += optionWords[i].length;
    }
    return new Index(postings, starts, slots, words);
  }

  /**
   * Option bits by term. The postings of term {@code t} are entries {@code starts[t]} to {@code
   * starts[t+1]}, three ints each at {@code postings[3 * entry]}: the option bit ({@code word * 64
   * + bit} within {@code words} 64-bit words), then where the option's words start in {@code slots}
   * and how many there are. An option is marked only when all its words occur, since a phrase
   * cannot match otherwise.
   */
  record Index(int[] postings, int[] starts, int[] slots, int words) {}
}
