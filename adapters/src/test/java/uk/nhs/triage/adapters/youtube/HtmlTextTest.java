package uk.nhs.triage.adapters.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void keepsLineBreaksAndParagraphs() {
    assertThat(HtmlText.toPlain("<p>first</p><p>second<br/>third</p>"))
        .isEqualTo("first\nsecond\nthird");
  }

  @Test
  void decodesEntitiesAndNonBreakingSpaces() {
    assertThat(HtmlText.toPlain("5 &lt; 6 &amp;&nbsp;&#39;ok&#39; &#x1F600;"))
        .isEqualTo("5 < 6 & 'ok' \uD83D\uDE00");
  }

  @Test
  void reducesLinksToTheirTextAndDropsOtherTags() {
    assertThat(
            HtmlText.toPlain(
                "see <a href=\"https://example.nhs.uk/x\">https://example.nhs.uk/x</a>"
                    + " <span style=\"x\">now</span> &lt;b&gt;typed&lt;/b&gt;"))
        .isEqualTo("see https://example.nhs.uk/x now <b>typed</b>");
  }

  @Test
  void emptyOrMissingIsEmpty() {
    assertThat(HtmlText.toPlain(null)).isEmpty();
    assertThat(HtmlText.toPlain("")).isEmpty();
  }
}
