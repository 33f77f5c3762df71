package uk.nhs.triage.classifier;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps each word as written (lower-cased and folded, not yet respelled or stemmed) next to its
 * normalised form, without doubling the token stream: {@link Capture} copies the word before the
 * spelling map and stemmer, and the outermost {@code AsWrittenFilter} hands it to the reader. Both
 * filters pass one token through per call, so the copy always belongs to the current token.
 */
final class AsWrittenFilter extends TokenFilter {
  private final char[][] buffer;
  private final int[] length;

  private AsWrittenFilter(TokenStream in, char[][] buffer, int[] length) {
    super(in);
    this.buffer = buffer;
    this.length = length;
  }

  /**
   * Wraps {@code normalisation} (the filters that respell and stem) so that the word entering it is
   * kept as written.
   */
  static AsWrittenFilter around(
      TokenStream beforeNormalisation,
      java.util.function.UnaryOperator<TokenStream> normalisation) {
    char[][] buffer = {new char[32]};
    int[] length = {0};
    TokenStream captured = new Capture(beforeNormalisation, buffer, length);
    return new AsWrittenFilter(normalisation.apply(captured), buffer, length);
  }

  char[] asWrittenBuffer() {
    return buffer[0];
  }

  int asWrittenLength() {
    return length[0];
  }

  @Override
  public boolean incrementToken() throws IOException {
    return input.incrementToken();
  }

  private static final class Capture extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final char[][] buffer;
    private final int[] length;

    Capture(TokenStream in, char[][] buffer, int[] length) {
      super(in);
      this.buffer = buffer;
      this.length = length;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      int n = term.length();
      if (buffer[0].length < n) {
        buffer[0] = new char[Math.max(n, buffer[0].length * 2)];
      }
      System.arraycopy(term.buffer(), 0, buffer[0], 0, n);
      length[0] = n;
      return true;
    }
  }
}
