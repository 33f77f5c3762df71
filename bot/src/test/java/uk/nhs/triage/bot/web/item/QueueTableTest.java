package uk.nhs.triage.bot.web.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.bot.web.Format;
import uk.nhs.triage.bot.web.Html;

/** The queue page's rows, written without the template, escape everything a person typed. */
class QueueTableTest {
  private static final Format FORMAT = new Format(ZoneId.of("Europe/London"));
  private static final String HOSTILE = "<script>alert('x')</script>\"&";

  @Test
  void everyValueFromTheDatabaseIsEscaped() {
    ItemRow row =
        new ItemRow(
            7,
            HOSTILE,
            HOSTILE,
            HOSTILE,
            HOSTILE,
            List.of(HOSTILE),
            List.of(HOSTILE),
            HOSTILE,
            Instant.parse("2026-11-23T10:00:00Z"),
            HOSTILE,
            HOSTILE,
            false);

    String html = QueueTable.rows(List.of(QueueLine.of(row, FORMAT)));

    assertThat(html).doesNotContain("<script").doesNotContain("'x'").doesNotContain("\"&");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
    assertThat(html.replace("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;", ""))
        .as("only the markup this class writes")
        .doesNotContain("&lt;")
        .containsPattern("^<tr><td><span class=\"priority \">");
  }

  @Test
  void aRowLinksToItsItemAndMarksItOverdue() {
    ItemRow row =
        new ItemRow(
            42,
            "facebook",
            "trust",
            "sam_b",
            "A long wait " + "x".repeat(200),
            List.of("patient_safety"),
            List.of("COMMS", "QUALITY"),
            "URGENT",
            Instant.parse("2026-11-23T10:00:00Z"),
            "in_progress",
            "jo",
            true);

    String html = QueueTable.rows(List.of(QueueLine.of(row, FORMAT)));

    assertThat(html)
        .startsWith("<tr class=\"overdue\"><td><span class=\"priority URGENT\">URGENT</span>")
        .contains("<span>23 Nov 2026 10:00</span> <strong class=\"late\">overdue</strong>")
        .contains("<td>COMMS QUALITY</td>")
        .contains("<span class=\"label\">patient safety</span>")
        .contains("<a href=\"/items/42\" class=\"item-link\">A long wait xxx")
        .contains("...</a>")
        .contains("<td>sam_b</td><td>facebook / trust</td><td>in progress · jo</td></tr>");
    assertThat(html).containsOnlyOnce("<tr");
  }

  @Test
  void noLinesNoRows() {
    assertThat(QueueTable.rows(List.of())).isEmpty();
  }

  @Test
  void htmlEscapesTheFiveCharactersThatEndTextOrAnAttribute() {
    assertThat(Html.escape("a & b < c > d \" e ' f — é"))
        .isEqualTo("a &amp; b &lt; c &gt; d &quot; e &#39; f — é");
    assertThat(Html.escape(null)).isEmpty();
  }
}
