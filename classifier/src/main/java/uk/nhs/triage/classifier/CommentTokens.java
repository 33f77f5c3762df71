package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One comment analysed once: per word position its offsets in the text and whether it is a negator,
 * and per dictionary term the positions where it occurs. One instance per thread, reused from
 * comment to comment so classifying allocates little.
 */
final class CommentTokens {
  private static final int[] NONE = new int[0];

  private String text = "";
  private int count;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private boolean[] negators = new boolean[64];

  private final int[][] occurrences;
  private final int[] occurrenceCounts;

  /**
   * One bit per dictionary term, set when it occurs: the same as a non-zero {@link
   * #occurrenceCount} in a few hundred bytes, which stay in the CPU's nearest cache while the
   * candidate checks test one term after another.
   */
  private final long[] present;

  private int[] touched = new int[64];
  private int touchedCount;

  /**
   * What the dictionary says about each word the analyser's memo remembers, by memo slot, in one
   * int so that a word costs one read: 0 when not yet looked up, else its term id plus two (-1, no
   * term, gives 1) shifted left by two, with {@link #NEGATOR} and {@link #PREFIXED} (it starts with
   * a wildcard prefix, listed in {@code wordPrefixes}). Valid for one memo generation.
   */
  private final int[] wordInfo = new int[WordMemo.CAPACITY];

  private static final int NEGATOR = 1;
  private static final int PREFIXED = 2;

  private final int[][] wordPrefixes = new int[WordMemo.CAPACITY][];

  /**
   * Per memo slot, the word's id among the nearest-examples words plus two (0: not yet looked up;
   * 1: not one of them); per position, that id or -1. Valid for one memo generation.
   */
  private final int[] exampleInfo = new int[WordMemo.CAPACITY];

  private int[] exampleWords = new int[64];
  private int memoGeneration = -1;

  CommentTokens(int terms) {
    occurrences = new int[terms][];
    occurrenceCounts = new int[terms];
    present = new long[(terms + 63) >>> 6];
  }

  /**
   * Analyses {@code comment}, looking each word up in the rules' dictionary and, when {@code
   * examples} is given, among the words the nearest labelled comments are compared by.
   */
  void analyse(
      Analyzer analyzer, TermDictionary dictionary, ExampleNeighbours examples, String comment) {
    clear();
    text = comment;
    try (TokenStream stream = analyzer.tokenStream("comment", comment)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      AsWrittenFilter asWritten = (AsWrittenFilter) stream;
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position++;
        if (position == starts.length) {
          grow();
        }
        starts[position] = offset.startOffset();
        ends[position] = offset.endOffset();
        int slot = asWritten.memoSlot();
        // the memo's slots were reused for other words since: forget what they said
        if (asWritten.memoGeneration() != memoGeneration) {
          Arrays.fill(wordInfo, 0);
          Arrays.fill(exampleInfo, 0);
          memoGeneration = asWritten.memoGeneration();
        }
        int info = wordInfo[slot];
        if (info == 0) {
          info = lookUp(dictionary, term, asWritten, slot);
        }
        negators[position] = (info & NEGATOR) != 0;
        if ((info & PREFIXED) != 0) {
          for (int prefix : wordPrefixes[slot]) {
            add(prefix, position);
          }
        }
        int id = (info >>> 2) - 2;
        if (id >= 0) {
          add(id, position);
        }
        if (examples != null) {
          int example = exampleInfo[slot];
          if (example == 0) {
            example = examples.wordId(term.buffer(), term.length()) + 2;
            exampleInfo[slot] = example;
          }
          exampleWords[position] = example - 2;
        }
      }
      stream.end();
      count = position + 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Looks the current word up in the dictionary and remembers what it says under its memo slot. */
  private int lookUp(
      TermDictionary dictionary, CharTermAttribute term, AsWrittenFilter asWritten, int slot) {
    char[] written = asWritten.asWrittenBuffer();
    int writtenLength = asWritten.asWrittenLength();
    int id = dictionary.lookup(term.buffer(), term.length());
    int[] prefixes = dictionary.prefixesOf(written, writtenLength);
    wordPrefixes[slot] = prefixes.length == 0 ? null : prefixes;
    int info =
        ((id + 2) << 2)
            | (dictionary.isNegator(id, written, writtenLength) ? NEGATOR : 0)
            | (prefixes.length == 0 ? 0 : PREFIXED);
    wordInfo[slot] = info;
    return info;
  }

  private void clear() {
    for (int i = 0; i < touchedCount; i++) {
      occurrenceCounts[touched[i]] = 0;
      present[touched[i] >>> 6] = 0;
    }
    touchedCount = 0;
    count = 0;
  }

  private void grow() {
    int size = starts.length * 2;
    starts = Arrays.copyOf(starts, size);
    ends = Arrays.copyOf(ends, size);
    negators = Arrays.copyOf(negators, size);
    exampleWords = Arrays.copyOf(exampleWords, size);
  }

  void add(int id, int position) {
    int n = occurrenceCounts[id];
    int[] list = occurrences[id];
    if (n == 0) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = id;
      present[id >>> 6] |= 1L << id;
      if (list == null) {
        list = new int[4];
        occurrences[id] = list;
      }
    } else if (list[n - 1] == position) {
      return;
    }
    if (n == list.length) {
      list = Arrays.copyOf(list, n * 2);
      occurrences[id] = list;
    }
    list[n] = position;
    occurrenceCounts[id] = n + 1;
  }

  int[] occurrences(int id) {
    int[] list = occurrences[id];
    return list == null ? NONE : list;
  }

  int occurrenceCount(int id) {
    return occurrenceCounts[id];
  }

  /** Whether term {@code id} occurs at all. */
  boolean occurs(int id) {
    return (present[id >>> 6] & (1L << id)) != 0;
  }

  /**
   * Whether all of {@code words[from..from+count)} occur: the check of a phrase's words that
   * selects candidates, read from one array beside its posting.
   */
  boolean allOccur(int[] words, int from, int count) {
    for (int i = from, end = from + count; i < end; i++) {
      int id = words[i];
      if ((present[id >>> 6] & (1L << id)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether term {@code id} occurs at {@code position}. */
  boolean has(int id, int position) {
    int n = occurrenceCounts[id];
    return n > 0 && Arrays.binarySearch(occurrences[id], 0, n, position) >= 0;
  }

  int touchedCount() {
    return touchedCount;
  }

  int touched(int i) {
    return touched[i];
  }

  int size() {
    return count;
  }

  String text() {
    return text;
  }

  /** The words of the comment from position {@code first} to {@code last}, as written. */
  String written(int first, int last) {
    return text.substring(starts[first], ends[last]);
  }

  /**
   * The id among the nearest-examples words of the word at {@code position}, or -1 when it is not
   * one of them (or no examples were given to {@link #analyse}).
   */
  int exampleWord(int position) {
    return exampleWords[position];
  }

  /** Whether the word at {@code position} is a negator. */
  boolean isNegator(int position) {
    return negators[position];
  }

  /**
   * The position of a negator standing within {@code window} words before {@code position} with no
   * sentence or clause break ({@code . ! ? ; ,} or a line break) between it and the word; -1 when
   * there is none.
   */
  int negatorBefore(int position, int window) {
    for (int q = position - 1; q >= 0 && q >= position - window; q--) {
      if (breaksScope(ends[q], starts[q + 1])) {
        return -1;
      }
      if (negators[q]) {
        return q;
      }
    }
    return -1;
  }

  private boolean breaksScope(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
