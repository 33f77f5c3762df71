package uk.nhs.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesCommasQuotesAndLineBreaks() {
    String csv = new Csv().row("a,b", "say \"hi\"", "two\nlines", null, 3).toString();
    assertThat(csv).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,3\r\n");
  }

  @Test
  void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
    String csv = new Csv().row("=1+1", "+44 300", "-2", "@SUM(A1)", "fine").toString();
    assertThat(csv).isEqualTo("\"'=1+1\",\"'+44 300\",\"'-2\",\"'@SUM(A1)\",fine\r\n");
  }
}
