package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The phrase options of every alternation ({@code a | "b c" | d*}) in the rules, by option bit: an
 * alternation's options have bits from {@code 64 *} {@link Expression.AnyOf#base()} on. A phrase
 * option can match only when all its words occur, which is checked from its anchor word first: of
 * its words, the one that the fewest options contain. Rules are indexed under that word when an
 * alternation of phrases is what they are looked up by ({@link RuleLoader.RuleIndex}). Built while
 * the rules are parsed.
 */
final class Alternatives {
  private int[] bits = new int[256];

  /** Each option's distinct words (a phrase's slots). */
  private int[][] optionWords = new int[256][];

  /** Whether each option is a phrase (more than one word). */
  private boolean[] phrase = new boolean[256];

  /**
   * Words of the English stop list ("to", "the"): frequent in any text, so never an anchor if
   * another word will do.
   */
  private final Set<Integer> common = new HashSet<>();

  private int count;
  private int words;

  /**
   * Reserves bits for an alternation's options and notes those that are a word or phrase (words
   * count towards choosing anchors; phrases are indexed).
   */
  int register(List<Expression> options) {
    int base = words;
    words += (options.size() + 63) / 64;
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i) instanceof Expression.Words w) {
        if (count == bits.length) {
          bits = Arrays.copyOf(bits, count * 2);
          optionWords = Arrays.copyOf(optionWords, count * 2);
          phrase = Arrays.copyOf(phrase, count * 2);
        }
        bits[count] = base * 64 + i;
        phrase[count] = w.slots().length > 1;
        optionWords[count] = Arrays.stream(w.slots()).distinct().toArray();
        for (int s = 0; s < w.slots().length; s++) {
          if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.display()[s])) {
            common.add(w.slots()[s]);
          }
        }
        count++;
      }
    }
    return base;
  }

  /**
   * Each option's anchor: of its words that are not English stop words, the one that the fewest
   * options contain; a word few options use is, in the rules' own vocabulary, also a word comments
   * seldom contain. Ties keep the earlier word. The anchor decides only how often an option is
   * checked, never whether it matches.
   */
  private int[] anchors(int termCount) {
    int[] containing = new int[termCount];
    for (int i = 0; i < count; i++) {
      for (int t : optionWords[i]) {
        containing[t]++;
      }
    }
    int[] anchors = new int[count];
    for (int i = 0; i < count; i++) {
      int best = optionWords[i][0];
      for (int t : optionWords[i]) {
        if (cost(t, containing) < cost(best, containing)) {
          best = t;
        }
      }
      anchors[i] = best;
    }
    return anchors;
  }

  private long cost(int term, int[] containing) {
    return (common.contains(term) ? 1L << 32 : 0L) + containing[term];
  }

  /** The phrase options by bit, with their anchors and words. */
  Index index(int termCount) {
    int[] terms = anchors(termCount);
    int total = words * 64;
    int[] anchor = new int[total];
    Arrays.fill(anchor, -1);
    int[][] others = new int[total][];
    int slotCount = 0;
    for (int i = 0; i < count; i++) {
      if (phrase[i]) {
        int t = terms[i];
        anchor[bits[i]] = t;
        others[bits[i]] = Arrays.stream(optionWords[i]).filter(w -> w != t).toArray();
        slotCount += others[bits[i]].length;
      }
    }
    int[] starts = new int[total + 1];
    int[] slots = new int[slotCount];
    for (int b = 0; b < total; b++) {
      int n = others[b] == null ? 0 : others[b].length;
      if (n > 0) {
        System.arraycopy(others[b], 0, slots, starts[b], n);
      }
      starts[b + 1] = starts[b] + n;
    }
    return new Index(anchor, starts, slots);
  }

  /**
   * Phrase options by bit: {@code anchors[bit]} is the option's anchor word (-1 when the bit is not
   * a phrase option) and its other distinct words are {@code slots[starts[bit]..starts[bit+1])}.
   */
  record Index(int[] anchors, int[] starts, int[] slots) {
    /** Whether every word of phrase option {@code bit} occurs in the comment. */
    boolean allOccur(int bit, CommentTokens tokens) {
      if (tokens.occurrenceCount(anchors[bit]) == 0) {
        return false;
      }
      for (int s = starts[bit], end = starts[bit + 1]; s < end; s++) {
        if (tokens.occurrenceCount(slots[s]) == 0) {
          return false;
        }
      }
      return true;
    }
  }
}
