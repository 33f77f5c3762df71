package uk.nhs.triage.classifier;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Maps one spelling of a word onto another (UK and US spellings, common misspellings) from the
 * {@code spellings.conf} map, so both match the same rule.
 */
final class SpellingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final CharArrayMap<char[]> spellings;

  SpellingFilter(TokenStream in, CharArrayMap<char[]> spellings) {
    super(in);
    this.spellings = spellings;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!spellings.isEmpty()) {
      char[] replacement = spellings.get(term.buffer(), 0, term.length());
      if (replacement != null) {
        term.copyBuffer(replacement, 0, replacement.length);
      }
    }
    return true;
  }
}
