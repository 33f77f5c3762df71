package uk.nhs.triage.classifier;

import java.io.Reader;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The one analysis chain for comment text and rule terms alike. Each word comes out normalised
 * (spelling map, KStem), with its form as written (lower-cased, accents folded) kept alongside by
 * {@link AsWrittenFilter}. Exact rule terms match the normalised form; wildcards match the written
 * one.
 *
 * <p>Chain: social marks kept ({@code @handle}, {@code #tag}, {@code f*ck}) → UAX#29 words, URLs,
 * emails and emoji → capitalised words flagged → lower case → ASCII folding (’ becomes ') →
 * possessive 's removed → word kept as written → typo corrected ({@link TypoCorrector}) → spelling
 * map → KStem (the last three once per distinct word, see {@link AsWrittenFilter}).
 */
final class TriageAnalyzer extends Analyzer {
  private final CharArrayMap<char[]> spellings;
  private final TypoCorrector typos;

  /** With {@code typos} null, misspelt words are left as written. */
  TriageAnalyzer(CharArrayMap<char[]> spellings, TypoCorrector typos) {
    this.spellings = spellings;
    this.typos = typos;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    SocialMarkCharFilter marks =
        new SocialMarkCharFilter(typos == null ? MaskedWords.none() : typos.masked());
    Tokenizer tokenizer = new UAX29URLEmailTokenizer();
    TokenStream stream = new SocialTokenFilter(tokenizer);
    if (typos != null) {
      stream = new CapitalisedFilter(stream); // only the typo corrector reads the flag
    }
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new EnglishPossessiveFilter(stream);
    stream = new AsWrittenFilter(stream, spellings, typos);
    // the social marks' reader is reused, comment after comment, with this stream (see its doc)
    Consumer<Reader> source =
        reader -> {
          marks.setInput(reader);
          tokenizer.setReader(marks);
        };
    return new TokenStreamComponents(source, stream);
  }
}
