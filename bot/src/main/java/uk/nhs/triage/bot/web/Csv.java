package uk.nhs.triage.bot.web;

import java.util.List;

/**
 * CSV as RFC 4180 quotes it, with cells that a spreadsheet would run as a formula (starting with =,
 * +, -, @, tab or carriage return) prefixed with an apostrophe, so an export opened in Excel never
 * runs what a member of the public wrote.
 */
public final class Csv {
  private final StringBuilder out = new StringBuilder();

  public Csv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  public Csv row(Object... cells) {
    return row(java.util.Arrays.asList(cells));
  }

  static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0
        || text.startsWith("'")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
