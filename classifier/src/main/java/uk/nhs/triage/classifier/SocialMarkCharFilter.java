package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Protects the marks that give social media words their meaning before word breaking splits them
 * off: the {@code @} of a handle, the {@code #} of a hashtag and the {@code *} inside a masked
 * swear word ({@code f*ck}). Each is swapped one-for-one for a connector punctuation character that
 * Unicode word breaking keeps inside a word, so offsets need no correction; {@link
 * SocialTokenFilter} swaps them back in the token.
 */
final class SocialMarkCharFilter extends CharFilter {
  static final char HANDLE = '\u203F';
  static final char HASHTAG = '\u2040';
  static final char MASK = '\uFE33';

  private char[] buffer;
  private int length;
  private int position;

  SocialMarkCharFilter(Reader in) {
    super(in);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (buffer == null) {
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

  private void fill() throws IOException {
    buffer = new char[256];
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
    mark(buffer, length);
  }

  static void mark(char[] text, int length) {
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (c == '@' || c == '#') {
        boolean startsWord = i == 0 || !isWordChar(text[i - 1]);
        if (startsWord && i + 1 < length && Character.isLetterOrDigit(text[i + 1])) {
          text[i] = c == '@' ? HANDLE : HASHTAG;
        }
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

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }
}
