package uk.nhs.triage.bot.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for one table in PostgreSQL's COPY text format, sent with {@code COPY ... FROM STDIN}: the
 * server reads them straight into the table, with no statement to parse and no array literals to
 * take apart. Every value goes through {@link PostgresText#clean}, so text is stored exactly as it
 * would be by an INSERT.
 */
final class CopyRows {

  private final String target;
  private final StringBuilder data = new StringBuilder(1 << 16);
  private boolean rowStarted;
  private int rows;

  /**
   * @param target the table and its columns, in the order values are added: {@code "comment (id,
   *     text)"}
   */
  CopyRows(String target) {
    this.target = target.replaceAll("\\s+", " ");
  }

  CopyRows text(String value) {
    separate();
    if (value == null) {
      data.append("\\N");
      return this;
    }
    String clean = PostgresText.clean(value);
    int length = clean.length();
    int from = 0;
    // Runs of ordinary characters are copied whole; only the four COPY escapes are written apart.
    for (int i = 0; i < length; i++) {
      String escape =
          switch (clean.charAt(i)) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
          };
      if (escape != null) {
        data.append(clean, from, i).append(escape);
        from = i + 1;
      }
    }
    data.append(clean, from, length);
    return this;
  }

  CopyRows number(long value) {
    separate();
    data.append(value);
    return this;
  }

  CopyRows instant(Instant value) {
    return text(value == null ? null : value.toString());
  }

  /** A text[] column, as the array literal PostgreSQL reads it in. */
  CopyRows array(List<String> values) {
    return text(Columns.arrayLiteral(values));
  }

  CopyRows endRow() {
    data.append('\n');
    rowStarted = false;
    rows++;
    return this;
  }

  int rows() {
    return rows;
  }

  /** Sends the rows in the handle's transaction. */
  void copyInto(Handle handle) {
    if (rows == 0) {
      return;
    }
    byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
    try {
      long copied =
          handle
              .getConnection()
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY " + target + " FROM STDIN (FORMAT text)", new ByteArrayInputStream(bytes));
      if (copied != rows) {
        throw new IllegalStateException(
            "COPY " + target + " took " + copied + " rows of " + rows + " sent");
      }
    } catch (SQLException e) {
      throw new CopyFailedException("COPY " + target + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void separate() {
    if (rowStarted) {
      data.append('\t');
    }
    rowStarted = true;
  }

  /** The server refused the rows (a constraint, a value it cannot read); nothing was copied. */
  static final class CopyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CopyFailedException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
