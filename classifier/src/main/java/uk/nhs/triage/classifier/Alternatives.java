package uk.nhs.triage.classifier;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The phrase options of every alternation ({@code a | "b c" | d*}) in the rules, numbered in the
 * order registered: an alternation's phrases are numbered from {@link
 * Expression.AnyOf#firstPhrase()} on, in option order. A phrase option can match only when all its
 * words occur, which is checked from its anchor word first: of its words, the one that the fewest
 * options contain. Rules are indexed under that word when an alternation of phrases is what they
 * are looked up by ({@link RuleLoader.RuleIndex}). Built while the rules are parsed.
 */
final class Alternatives {
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
  private int phrases;

  /**
   * Notes an alternation's options that are a word or phrase (words count towards choosing anchors;
   * phrases are indexed) and returns the number its first phrase gets.
   */
  int register(List<Expression> options) {
    int firstPhrase = phrases;
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i) instanceof Expression.Words w) {
        if (count == optionWords.length) {
          optionWords = Arrays.copyOf(optionWords, count * 2);
          phrase = Arrays.copyOf(phrase, count * 2);
        }
        phrase[count] = w.slots().length > 1;
        if (phrase[count]) {
          phrases++;
        }
        optionWords[count] = Arrays.stream(w.slots()).distinct().toArray();
        for (int s = 0; s < w.slots().length; s++) {
          if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.display()[s])) {
            common.add(w.slots()[s]);
          }
        }
        count++;
      }
    }
    return firstPhrase;
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

  /** The phrase options, numbered in the order registered, with their anchors and words. */
  Index index(int termCount) {
    int[] terms = anchors(termCount);
    int slotCount = 0;
    for (int i = 0; i < count; i++) {
      if (phrase[i]) {
        slotCount += optionWords[i].length;
      }
    }
    int[] starts = new int[phrases + 1];
    int[] slots = new int[slotCount];
    int p = 0;
    for (int i = 0; i < count; i++) {
      if (phrase[i]) {
        int t = terms[i];
        int at = starts[p];
        slots[at++] = t;
        for (int w : optionWords[i]) {
          if (w != t) {
            slots[at++] = w;
          }
        }
        starts[++p] = at;
      }
    }
    return new Index(starts, slots);
  }

  /**
   * Phrase {@code p}'s distinct words are {@code slots[starts[p]..starts[p+1])}, its anchor first.
   */
  record Index(int[] starts, int[] slots) {
    int anchor(int phrase) {
      return slots[starts[phrase]];
    }

    /** Phrase {@code phrase}'s distinct words, its anchor first. */
    int[] words(int phrase) {
      return Arrays.copyOfRange(slots, starts[phrase], starts[phrase + 1]);
    }
  }
}
