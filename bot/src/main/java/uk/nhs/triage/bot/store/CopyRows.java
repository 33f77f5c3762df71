package uk.nhs.triage.bot.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for one table in PostgreSQL's COPY text format, sent with {@code COPY ... FROM STDIN}: the
 * server reads them straight into the table, with no statement to parse and no array literals to
 * take apart. Every value goes through {@link PostgresText#clean}, so text is stored exactly as it
 * would be by an INSERT.
 *
 * <p>Values are written as UTF-8 bytes straight into one growing buffer, escaped as they are
 * encoded: no string is built for a row or a table, and the buffer is what is sent. A lone
 * surrogate (not valid UTF-16) becomes {@code ?}, as {@link String#getBytes} would make it.
 */
final class CopyRows {

  private static final byte[] NULL = {'\\', 'N'};
  // U+FFFD in UTF-8: what a NUL becomes (PostgresText.REPLACEMENT).
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
  private static final byte[] ESCAPED_BACKSLASH = {'\\', '\\'};
  // The JSON escape \uFFFD, its backslash escaped for COPY: what a JSON escape of NUL becomes.
  private static final byte[] JSON_REPLACEMENT = {'\\', '\\', 'u', 'F', 'F', 'F', 'D'};

  private final String target;
  private byte[] data;
  private int length;
  // Text is copied here before it is encoded: reading a char[] is faster than String.charAt.
  private char[] chars = new char[1 << 10];
  private boolean rowStarted;
  private int rows;

  /**
   * @param target the table and its columns, in the order values are added: {@code "comment (id,
   *     text)"}
   */
  CopyRows(String target) {
    this(target, 1 << 12);
  }

  /** {@code capacity}: the bytes the rows are expected to take (the buffer grows past it). */
  CopyRows(String target, int capacity) {
    this.target = target.replaceAll("\\s+", " ");
    this.data = new byte[Math.max(capacity, 64)];
  }

  CopyRows text(String value) {
    separate();
    if (value == null) {
      put(NULL);
      return this;
    }
    int n = value.length();
    char[] text = charsFor(n);
    value.getChars(0, n, text, 0);
    putEscaped(text, 0, n);
    return this;
  }

  /**
   * JSON as the serializer wrote it: cleaned as {@link PostgresText#cleanJson} would (the escape
   * {@code \u0000} becomes {@code \uFFFD}, a raw NUL becomes U+FFFD) and escaped for COPY, in one
   * pass. A backslash in JSON text always starts a two-character escape, so reading the text pair
   * by pair tells an escape {@code \u0000} from an escaped backslash followed by {@code u0000}.
   */
  CopyRows json(String value) {
    if (value == null) {
      separate();
      put(NULL);
      return this;
    }
    int n = value.length();
    char[] text = charsFor(n);
    value.getChars(0, n, text, 0);
    return json(text, n);
  }

  /** {@link #json(String)} for JSON a serializer wrote into {@code value}. */
  CopyRows json(JsonChars value) {
    return json(value.chars(), value.length());
  }

  /** {@link #json(String)} for JSON held in {@code text[0, length)}. */
  CopyRows json(char[] text, int length) {
    separate();
    int from = 0;
    for (int i = 0; i < length; i++) {
      if (text[i] == '\\') {
        putEscaped(text, from, i);
        if (isNulEscape(text, i + 1, length)) {
          put(JSON_REPLACEMENT);
          i += 5;
        } else {
          put(ESCAPED_BACKSLASH);
          // An escaped backslash: its second half starts nothing (the next char, if any other,
          // is ordinary text and stays in the run).
          if (i + 1 < length && text[i + 1] == '\\') {
            i++;
            put(ESCAPED_BACKSLASH);
          }
        }
        from = i + 1;
      }
    }
    putEscaped(text, from, length);
    return this;
  }

  private static boolean isNulEscape(char[] text, int at, int length) {
    return at + 5 <= length
        && text[at] == 'u'
        && text[at + 1] == '0'
        && text[at + 2] == '0'
        && text[at + 3] == '0'
        && text[at + 4] == '0';
  }

  /**
   * Appends {@code text[from, to)} as UTF-8 with NUL replaced (as {@link PostgresText#clean}) and
   * the four COPY escapes (backslash, newline, carriage return, tab).
   */
  private void putEscaped(char[] text, int from, int to) {
    // At most three bytes a char: an escape is two, U+FFFD three, a surrogate pair four for two.
    ensure(3 * (to - from));
    byte[] out = data;
    int p = length;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c < 0x80) {
        if (c > '\r' && c != '\\') {
          out[p++] = (byte) c;
          continue;
        }
        switch (c) {
          case '\\' -> {
            out[p++] = '\\';
            out[p++] = '\\';
          }
          case '\n' -> {
            out[p++] = '\\';
            out[p++] = 'n';
          }
          case '\r' -> {
            out[p++] = '\\';
            out[p++] = 'r';
          }
          case '\t' -> {
            out[p++] = '\\';
            out[p++] = 't';
          }
          case '\0' -> {
            out[p++] = REPLACEMENT[0];
            out[p++] = REPLACEMENT[1];
            out[p++] = REPLACEMENT[2];
          }
          default -> out[p++] = (byte) c;
        }
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        out[p++] = (byte) (0xE0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(text[i + 1])) {
        int cp = Character.toCodePoint(c, text[++i]);
        out[p++] = (byte) (0xF0 | (cp >> 18));
        out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[p++] = '?';
      }
    }
    length = p;
  }

  CopyRows number(long value) {
    separate();
    ensure(20);
    if (value >= 0 && value < 10) {
      data[length++] = (byte) ('0' + value);
      return this;
    }
    putAscii(Long.toString(value));
    return this;
  }

  CopyRows bool(boolean value) {
    separate();
    ensure(1);
    data[length++] = (byte) (value ? 't' : 'f');
    return this;
  }

  CopyRows instant(Instant value) {
    return text(value == null ? null : IsoInstants.text(value));
  }

  /** A text[] column, as the array literal PostgreSQL reads it in. */
  CopyRows array(List<String> values) {
    return text(Columns.arrayLiteral(values));
  }

  CopyRows endRow() {
    ensure(1);
    data[length++] = '\n';
    rowStarted = false;
    rows++;
    return this;
  }

  int rows() {
    return rows;
  }

  /** How many bytes the rows so far take: where the next row starts. */
  int length() {
    return length;
  }

  String target() {
    return target;
  }

  /** The rows so far as COPY text. */
  String text() {
    return new String(data, 0, length, StandardCharsets.UTF_8);
  }

  /** The buffer the rows are in: its first {@link #length()} bytes, UTF-8. */
  byte[] bytes() {
    return data;
  }

  /** Sends the rows in the handle's transaction. */
  void copyInto(Handle handle) {
    copyInto(handle, target, data, length, rows);
  }

  /**
   * Sends {@code rows} rows of COPY text (UTF-8, {@code bytes[0, length)}) into {@code target} in
   * the handle's transaction.
   *
   * @throws CopyFailedException when the server refuses them (nothing is copied)
   */
  static void copyInto(Handle handle, String target, byte[] bytes, int length, int rows) {
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
                  "COPY " + target + " FROM STDIN (FORMAT text)",
                  new ByteArrayInputStream(bytes, 0, length));
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
      ensure(1);
      data[length++] = '\t';
    }
    rowStarted = true;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, data, length, bytes.length);
    length += bytes.length;
  }

  private void putAscii(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      data[length++] = (byte) ascii.charAt(i);
    }
  }

  private char[] charsFor(int n) {
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    return chars;
  }

  private void ensure(int more) {
    if (data.length - length < more) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
    }
  }

  /** The server refused the rows (a constraint, a value it cannot read); nothing was copied. */
  static final class CopyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CopyFailedException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
