package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.Reader;

/**
 * Protects the marks that give social media words their meaning before word breaking splits them
 * off: the {@code @} of a handle, the {@code #} of a hashtag and the {@code *} inside a masked
 * swear word ({@code f*ck}). Each is swapped one-for-one for a connector punctuation character that
 * Unicode word breaking keeps inside a word, so offsets need no correction; {@link
 * SocialTokenFilter} swaps them back in the token. A {@code $}, {@code !} or {@code @} inside a
 * word is a mask too ({@code a$$hole}, {@code sh!t}, {@code tw@t}) when {@link MaskedWords} reads
 * the word it makes; otherwise it splits the word as before ({@code great!thanks}, an email
 * address).
 *
 * <p>A char filter in effect, but a plain reader reused from comment to comment: {@link
 * TriageAnalyzer} keeps one per token stream (so per thread) and hands it each comment with {@link
 * #setInput}, so the comment's text is copied into a buffer kept from one comment to the next
 * rather than into a new one each time (Lucene calls {@code initReader} once per comment). The
 * tokenizer corrects no offsets for a plain reader, as none need correcting.
 */
final class SocialMarkCharFilter extends Reader {
  static final char HANDLE = '\u203F';
  static final char HASHTAG = '\u2040';
  static final char MASK = '\uFE33';

  private static final int INITIAL = 256;

  /** The longest word a {@code $ ! @} inside is read as masking ({@link #maskIfRead}). */
  private static final int LONGEST = 32;

  /** A buffer grown past this for one long comment is not kept for the next. */
  private static final int KEPT = 1 << 16;

  private final MaskedWords masked;
  private Reader input;
  private char[] buffer = new char[INITIAL];
  private boolean filled;
  private int length;
  private int position;

  SocialMarkCharFilter(MaskedWords masked) {
    this.masked = masked;
  }

  /** Starts on the next comment's text. */
  void setInput(Reader in) {
    input = in;
    filled = false;
    length = 0;
    position = 0;
    if (buffer.length > KEPT) {
      buffer = new char[INITIAL];
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (!filled) {
      fill();
    }
    if (position >= length) {
      return -1;
    }
    int n = Math.min(len, length - position);
    System.arraycopy(buffer, position, cbuf, off, n);
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    Reader in = input;
    input = null;
    if (in != null) {
      in.close();
    }
  }

  private void fill() throws IOException {
    filled = true;
    length = 0;
    int n;
    while ((n = input.read(buffer, length, buffer.length - length)) != -1) {
      length += n;
      if (length == buffer.length) {
        char[] bigger = new char[buffer.length * 2];
        System.arraycopy(buffer, 0, bigger, 0, length);
        buffer = bigger;
      }
    }
    mark(buffer, length, masked);
  }

  static void mark(char[] text, int length, MaskedWords masked) {
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if ((c == '@' || c == '#') && (i == 0 || !isWordChar(text[i - 1]))) {
        if (i + 1 < length && Character.isLetterOrDigit(text[i + 1])) {
          text[i] = c == '@' ? HANDLE : HASHTAG;
        }
      } else if ((c == '$' || c == '!' || c == '@')
          && i > 0
          && i + 1 < length
          && Character.isLetterOrDigit(text[i - 1])
          && (Character.isLetterOrDigit(text[i + 1]) || isMaskChar(text[i + 1]))) {
        i = maskIfRead(text, length, i, masked);
      } else if (c == '*'
          && i > 0
          && (Character.isLetterOrDigit(text[i - 1]) || text[i - 1] == MASK)) {
        int end = i;
        while (end < length && text[end] == '*') {
          end++;
        }
        if (end < length && Character.isLetterOrDigit(text[end])) {
          for (int j = i; j < end; j++) {
            text[j] = MASK;
          }
        }
        i = end - 1;
      }
    }
  }

  /**
   * Masks the {@code $ ! @ *} of the word around {@code text[at]} when {@code masked} reads the
   * word they make; returns where the word ends, less one.
   */
  private static int maskIfRead(char[] text, int length, int at, MaskedWords masked) {
    // a word longer than LONGEST is not read; the scans stop there, so text of many marks (a
    // ten-megabyte "a@a@a@...") costs a bounded look at each, not a walk to the start of the run
    int start = at;
    while (start > 0
        && at - start <= LONGEST
        && (Character.isLetterOrDigit(text[start - 1]) || text[start - 1] == MASK)) {
      start--;
    }
    int end = at;
    while (end < length
        && end - start <= LONGEST
        && (Character.isLetterOrDigit(text[end]) || isMaskChar(text[end]))) {
      end++;
    }
    boolean email = end + 1 < length && text[end] == '.' && Character.isLetter(text[end + 1]);
    if (email || end - start > LONGEST) {
      return at;
    }
    char[] word = new char[end - start];
    for (int i = start; i < end; i++) {
      char c = text[i];
      word[i - start] = isMaskChar(c) || c == MASK ? '*' : Character.toLowerCase(c);
    }
    if (masked.read(word, word.length) == null) {
      return at;
    }
    for (int i = start; i < end; i++) {
      if (isMaskChar(text[i])) {
        text[i] = MASK;
      }
    }
    return end - 1;
  }

  private static boolean isMaskChar(char c) {
    return c == '*' || c == '$' || c == '!' || c == '@';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }
}
