package uk.nhs.triage.bot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A batch's values for one column, bound as one array parameter and spread back into rows by {@code
 * unnest}: a whole batch goes to a table in one statement, whatever its size.
 */
final class Columns {

  private Columns() {}

  static <T> List<String> text(List<T> rows, Function<T, String> value) {
    List<String> column = new ArrayList<>(rows.size());
    for (T row : rows) {
      column.add(PostgresText.clean(value.apply(row)));
    }
    return column;
  }

  /** ISO-8601 text, cast to timestamptz[] in the statement (null stays null). */
  static <T> List<String> instants(List<T> rows, Function<T, Instant> value) {
    List<String> column = new ArrayList<>(rows.size());
    for (T row : rows) {
      Instant instant = value.apply(row);
      column.add(instant == null ? null : IsoInstants.text(instant));
    }
    return column;
  }

  /** ISO-8601 text, cast to date[] in the statement. */
  static <T> List<String> dates(List<T> rows, Function<T, LocalDate> value) {
    List<String> column = new ArrayList<>(rows.size());
    for (T row : rows) {
      LocalDate date = value.apply(row);
      column.add(date == null ? null : date.toString());
    }
    return column;
  }

  /**
   * A text[] value as the array literal PostgreSQL reads: {@code {"a","b"}}, every element quoted,
   * so commas, braces and spaces stay inside it.
   */
  static String arrayLiteral(List<String> elements) {
    StringBuilder literal = new StringBuilder("{");
    for (String element : elements) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      literal.append('"');
      String clean = PostgresText.clean(element);
      for (int i = 0; i < clean.length(); i++) {
        char c = clean.charAt(i);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    return literal.append('}').toString();
  }
}
