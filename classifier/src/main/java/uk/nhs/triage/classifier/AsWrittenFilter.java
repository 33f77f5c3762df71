package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Normalises each word (spelling map, then KStem) and keeps it as written (lower-cased and folded,
 * not yet respelled or stemmed) next to its normalised form, without doubling the token stream.
 *
 * <p>A word's normalised form depends on nothing but the word, so it is worked out once per
 * distinct word by a private one-word chain of the same {@link SpellingFilter} and {@link
 * KStemFilter} and then remembered in a {@link WordMemo}; the memo slot of the current word is
 * offered to readers that remember more about each word.
 */
final class AsWrittenFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final WordMemo memo = new WordMemo();
  private final OneWord oneWord = new OneWord();
  private final TokenStream normalisation;
  private final CharTermAttribute normalisedTerm;
  private char[] written = new char[32];
  private int writtenLength;
  private int slot = -1;

  AsWrittenFilter(TokenStream beforeNormalisation, CharArrayMap<char[]> spellings) {
    super(beforeNormalisation);
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
    if (written.length < n) {
      written = new char[Math.max(n, written.length * 2)];
    }
    System.arraycopy(buffer, 0, written, 0, n);
    writtenLength = n;
    int hash = WordMemo.hash(written, n);
    slot = memo.find(written, n, hash);
    if (slot < 0) {
      slot = memo.add(written, n, hash, normalise(written, n));
    }
    char[] normalised = memo.normalised(slot);
    term.copyBuffer(normalised, 0, normalised.length);
    return true;
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
