package uk.nhs.triage.bot.web.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.bot.web.item.Highlighter.Segment;

class HighlighterTest {
  @Test
  void marksWholeMatchedWordsWhateverTheirCase() {
    assertThat(Highlighter.segments("No DRINK for days, drinking none", List.of("drink")))
        .containsExactly(
            new Segment("No ", false),
            new Segment("DRINK", true),
            new Segment(" for days, drinking none", false));
  }

  @Test
  void keepsMarkupAsPlainTextInItsSegments() {
    assertThat(Highlighter.segments("<b>awful</b>", List.of("awful")))
        .containsExactly(
            new Segment("<b>", false), new Segment("awful", true), new Segment("</b>", false));
  }

  @Test
  void withNothingMatchedTheTextIsOneSegment() {
    assertThat(Highlighter.segments("thank you", List.of()))
        .containsExactly(new Segment("thank you", false));
  }
}
