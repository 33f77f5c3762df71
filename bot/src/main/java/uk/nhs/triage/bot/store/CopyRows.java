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
    appendEscaped(value, 0, value.length());
    return this;
  }

  /**
   * JSON as the serializer wrote it: cleaned as {@link PostgresText#cleanJson} would (the escape
   * {@code \u0000} becomes {@code \uFFFD}, a raw NUL becomes U+FFFD) and escaped for COPY, in one
   * pass. A backslash in JSON text always starts a two-character escape, so reading the text pair
   * by pair tells an escape {@code \u0000} from an escaped backslash followed by {@code u0000}.
   */
  CopyRows json(String value) {
    separate();
    if (value == null) {
      data.append("\\N");
      return this;
    }
    int length = value.length();
    int from = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        appendEscaped(value, from, i);
        if (value.startsWith("u0000", i + 1)) {
          data.append("\\\\uFFFD");
          i += 5;
        } else {
          data.append("\\\\");
          if (i + 1 < length) {
            i++;
            appendEscaped(value, i, i + 1);
          }
        }
        from = i + 1;
      }
    }
    appendEscaped(value, from, length);
    return this;
  }

  /**
   * Appends {@code value[from, to)} with NUL replaced (as {@link PostgresText#clean}) and the four
   * COPY escapes (backslash, newline, carriage return, tab), in one pass: runs of ordinary
   * characters are copied whole.
   */
  private void appendEscaped(String value, int from, int to) {
    int run = from;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c > '\r' && c != '\\') {
        continue;
      }
      String escape =
          switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\0' -> String.valueOf(PostgresText.REPLACEMENT);
            default -> null;
          };
      if (escape != null) {
        data.append(value, run, i).append(escape);
        run = i + 1;
      }
    }
    data.append(value, run, to);
  }

  CopyRows number(long value) {
    separate();
    data.append(value);
    return this;
  }

  CopyRows bool(boolean value) {
    separate();
    data.append(value ? 't' : 'f');
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

  /** How many characters the rows so far take: where the next row starts. */
  int length() {
    return data.length();
  }

  String target() {
    return target;
  }

  /** The rows so far as COPY text. */
  String text() {
    return data.toString();
  }

  /** Sends the rows in the handle's transaction. */
  void copyInto(Handle handle) {
    copyInto(handle, target, data.toString().getBytes(StandardCharsets.UTF_8), rows);
  }

  /**
   * Sends {@code rows} rows of COPY text (UTF-8) into {@code target} in the handle's transaction.
   *
   * @throws CopyFailedException when the server refuses them (nothing is copied)
   */
  static void copyInto(Handle handle, String target, byte[] bytes, int rows) {
    if (rows == 0) {
      return;
    }
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
