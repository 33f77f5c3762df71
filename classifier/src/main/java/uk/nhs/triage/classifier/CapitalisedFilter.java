package uk.nhs.triage.classifier;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;

/**
 * Flags a word written with a capital and then small letters ("Stroud", "McLean"), before the chain
 * lower-cases it: most such words are names or start a sentence, and {@link TypoCorrector} leaves
 * them as written. A word in capitals throughout ("AMBULNACE") is not flagged.
 */
final class CapitalisedFilter extends TokenFilter {
  /** The flag bit set on a capitalised word. */
  static final int CAPITALISED = 1;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);

  CapitalisedFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    boolean capitalised = false;
    if (length > 1 && Character.isUpperCase(buffer[0])) {
      for (int i = 1; i < length && !capitalised; i++) {
        capitalised = Character.isLowerCase(buffer[i]);
      }
    }
    flags.setFlags(capitalised ? flags.getFlags() | CAPITALISED : flags.getFlags() & ~CAPITALISED);
    return true;
  }
}
