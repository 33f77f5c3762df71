package uk.nhs.triage.classifier;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Restores the {@code @}, {@code #} and {@code *} marks protected by {@link SocialMarkCharFilter},
 * and drops emoji presentation selectors, skin-tone modifiers and the joined gender signs so that
 * 👏🏽 and 👏, ❤️ and ❤, 🤦‍♀️ and 🤦 are the same word (other joined sequences, such as 🧑‍⚕️, are
 * kept).
 */
final class SocialTokenFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  SocialTokenFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      char[] buffer = term.buffer();
      int length = term.length();
      int out = 0;
      for (int i = 0; i < length; i++) {
        char c = buffer[i];
        if (c == SocialMarkCharFilter.HANDLE) {
          c = '@';
        } else if (c == SocialMarkCharFilter.HASHTAG) {
          c = '#';
        } else if (c == SocialMarkCharFilter.MASK) {
          c = '*';
        } else if (c == '\uFE0F' || c == '\uFE0E') {
          continue;
        } else if (c == '\u200D'
            && i + 1 < length
            && (buffer[i + 1] == '\u2640' || buffer[i + 1] == '\u2642')) {
          i++;
          continue;
        } else if (c == '\uD83C'
            && i + 1 < length
            && buffer[i + 1] >= '\uDFFB'
            && buffer[i + 1] <= '\uDFFF') {
          i++;
          continue;
        }
        buffer[out++] = c;
      }
      if (out > 0) {
        term.setLength(out);
        return true;
      }
    }
    return false;
  }
}
