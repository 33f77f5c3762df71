package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/**
 * The social marks' reader is reused from comment to comment with its buffer: what a comment is
 * analysed into never depends on the comments analysed before it.
 */
class SocialMarkCharFilterTest {
  private static final String COMMENT = "@nhs_trust ta for nothing #nhs f*ck this, 2 hours";

  @Test
  void aCommentIsAnalysedTheSameAfterLongerAndShorterOnes() {
    Analyzer analyzer = new TriageAnalyzer(new CharArrayMap<>(0, false), null);
    List<String> alone = words(analyzer, COMMENT);
    assertThat(alone).contains("@nhs_trust 0-10", "#nhs 26-30", "f*ck 31-35");

    String longer = "@ward_7 #long " + "words upon words, ".repeat(100); // past the first buffer
    String huge = "#huge " + "x".repeat(200_000); // past what is kept for the next comment
    for (String before : List.of(longer, "hi", huge, "", "f*", longer)) {
      words(analyzer, before);
      assertThat(words(analyzer, COMMENT)).as("after %.20s", before).isEqualTo(alone);
    }
    assertThat(words(analyzer, longer)).startsWith("@ward_7 0-7", "#long 8-13").hasSize(302);
  }

  private static List<String> words(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("comment", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term + " " + offset.startOffset() + "-" + offset.endOffset());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
