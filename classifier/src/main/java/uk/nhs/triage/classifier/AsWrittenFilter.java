package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;

/**
 * Normalises each word (typo corrected, spelling map, then KStem) and keeps it as written
 * (lower-cased and folded, not yet respelled or stemmed; a misspelt word as corrected) next to its
 * normalised form, without doubling the token stream.
 *
 * <p>A word's normalised form depends on nothing but the word, so it is worked out once per
 * distinct word by a private one-word chain of the same {@link SpellingFilter} and {@link
 * KStemFilter} and then remembered in a {@link WordMemo}; the memo slot of the current word is
 * offered to readers that remember more about each word. A word is corrected ({@link
 * TypoCorrector}) only when neither it nor its normalised form is known: "physios" stems to the
 * known "physio" and is left alone.
 */
final class AsWrittenFilter extends TokenFilter {
  /** Ends a capitalised word's key in the memo; never part of a word. */
  private static final char CAPITALISED_KEY = '\uFFFF';

  /** Ends the key of a word left unsearched because its comment spent its budget. */
  private static final char UNSEARCHED_KEY = '\uFFFE';

  /**
   * How many misspelt-looking words of one comment are searched for a correction: a real comment
   * has a few dozen unknown words at most, and a ten-megabyte one of random letters costs seconds
   * searched in full (docs/decisions/typo-correction.md). Words remembered from earlier comments
   * cost no search, so a comment past the budget may be read differently once its words are known.
   */
  static final int MAX_SEARCHES = 256;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
  private final WordMemo memo = new WordMemo();
  private final OneWord oneWord = new OneWord();
  private final TokenStream normalisation;
  private final CharTermAttribute normalisedTerm;
  private final TypoCorrector typos;
  private char[] written = new char[32];
  private int writtenLength;
  private int slot = -1;
  private int searches;

  AsWrittenFilter(
      TokenStream beforeNormalisation, CharArrayMap<char[]> spellings, TypoCorrector typos) {
    super(beforeNormalisation);
    this.typos = typos;
    normalisation = new KStemFilter(new SpellingFilter(oneWord, spellings));
    normalisedTerm = oneWord.term;
    try {
      normalisation.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  char[] asWrittenBuffer() {
    return written;
  }

  int asWrittenLength() {
    return writtenLength;
  }

  /** Whether the current word was misspelt: its form as written is then the correction. */
  boolean corrected() {
    return memo.corrected(slot) != null;
  }

  /** The current word's slot in this stream's memo; see {@link #memoGeneration()}. */
  int memoSlot() {
    return slot;
  }

  /** Slots are valid for one generation only. */
  int memoGeneration() {
    return memo.generation();
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int n = term.length();
    char[] buffer = term.buffer();
    if (written.length < n + 2) {
      written = new char[Math.max(n + 2, written.length * 2)];
    }
    System.arraycopy(buffer, 0, written, 0, n);
    writtenLength = n;
    // a capitalised word is remembered apart from the same word in small letters: it is most often
    // a name, corrected only into a word in common use, so it may normalise differently
    boolean capitalised = (flags.getFlags() & CapitalisedFilter.CAPITALISED) != 0;
    int keyLength = n;
    if (capitalised && typos != null) {
      written[keyLength++] = CAPITALISED_KEY;
    }
    int hash = WordMemo.hash(written, keyLength);
    slot = memo.find(written, keyLength, hash);
    if (slot < 0) {
      char[] normalised = normalise(written, n);
      char[] correction = null;
      if (typos != null && typos.unknown(written, n, normalised)) {
        if (searches < MAX_SEARCHES) {
          searches++;
          correction = typos.correct(written, n, capitalised);
        } else {
          // past the budget the word is remembered under a key of its own, so that a later
          // comment within its budget still looks for the correction
          written[keyLength++] = UNSEARCHED_KEY;
          hash = WordMemo.hash(written, keyLength);
          slot = memo.find(written, keyLength, hash);
        }
      }
      if (correction != null) {
        normalised = normalise(correction, correction.length);
      }
      if (slot < 0) {
        slot = memo.add(written, keyLength, hash, normalised, correction);
      }
    }
    char[] correction = memo.corrected(slot);
    if (correction != null) {
      if (written.length < correction.length) {
        written = new char[Math.max(correction.length, written.length * 2)];
      }
      System.arraycopy(correction, 0, written, 0, correction.length);
      writtenLength = correction.length;
    }
    char[] normalised = memo.normalised(slot);
    term.copyBuffer(normalised, 0, normalised.length);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    searches = 0;
  }

  private char[] normalise(char[] word, int length) throws IOException {
    oneWord.set(word, length);
    if (!normalisation.incrementToken()) {
      throw new IllegalStateException("the normalisation chain dropped a word");
    }
    return Arrays.copyOf(normalisedTerm.buffer(), normalisedTerm.length());
  }

  /** A token stream of the one word given to it, for the spelling map and stemmer to work on. */
  private static final class OneWord extends TokenStream {
    final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private boolean pending;

    void set(char[] word, int length) {
      clearAttributes();
      term.copyBuffer(word, 0, length);
      pending = true;
    }

    @Override
    public boolean incrementToken() {
      boolean has = pending;
      pending = false;
      return has;
    }
  }
}
