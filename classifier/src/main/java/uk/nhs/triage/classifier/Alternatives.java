package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Which phrase options of every alternation ({@code a | "b c" | d*}) in the rules are worth trying
 * on a comment. Each phrase option is indexed under its anchor word; one pass over the comment's
 * words then sets a bit per phrase option whose words all occur, so an alternation of fifty options
 * tries the one or two that can match instead of checking all fifty. (A one-word option is tried
 * when its word occurs, which the alternation reads from the comment directly: {@link OptionPlan}.)
 * Built while the rules are parsed; an alternation's bits start at word {@link
 * Expression.AnyOf#base()} of 64 bits.
 */
final class Alternatives {
  private int[] bits = new int[256];

  /** Each option's distinct words (a phrase's slots), to mark it only when all of them occur. */
  private int[][] optionWords = new int[256][];

  /** Whether each option is a phrase (more than one word), the only options marked. */
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
   * count towards choosing anchors; only phrases are marked).
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
   * options contain. Every option anchored on a word is checked whenever the word occurs, so
   * anchoring on words that many options share ("her", "what", "hospital") makes the pass long; a
   * word few options use is, in the rules' own vocabulary, also a word comments seldom contain.
   * Ties keep the earlier word. The anchor decides only which options are checked, never which are
   * marked.
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

  /** A phrase's words other than its anchor, which is known to occur when its postings are read. */
  private static int[] othersThan(int anchor, int[] words) {
    return Arrays.stream(words).filter(t -> t != anchor).toArray();
  }

  /** The postings, by term: the phrase option bits anchored on each of {@code termCount} terms. */
  Index index(int termCount) {
    int[] terms = anchors(termCount);
    int[][] others = new int[count][];
    int[] starts = new int[termCount + 1];
    int slotCount = 0;
    int phrases = 0;
    for (int i = 0; i < count; i++) {
      if (!phrase[i]) {
        continue;
      }
      starts[terms[i] + 1]++;
      others[i] = othersThan(terms[i], optionWords[i]);
      slotCount += others[i].length;
      phrases++;
    }
    for (int t = 0; t < termCount; t++) {
      starts[t + 1] += starts[t];
    }
    int[] postings = new int[phrases * 3];
    int[] slots = new int[slotCount];
    int[] fill = Arrays.copyOf(starts, termCount);
    int nextSlot = 0;
    for (int i = 0; i < count; i++) {
      if (!phrase[i]) {
        continue;
      }
      int at = 3 * fill[terms[i]]++;
      postings[at] = bits[i];
      postings[at + 1] = nextSlot;
      postings[at + 2] = others[i].length;
      System.arraycopy(others[i], 0, slots, nextSlot, others[i].length);
      nextSlot += others[i].length;
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
