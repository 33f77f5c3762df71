package uk.nhs.triage.bot.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>{@link #binary} rows are in COPY's binary format instead: each value its length and its bytes,
 * nothing escaped, numbers and times as the server keeps them, so the server has no text to parse.
 * The values read back the same as the text format's (BinaryCopyTest): text and JSON the same UTF-8
 * cleaned the same way, an instant's nanoseconds rounded to microseconds as the server rounds the
 * text. In that format each method writes one column type: {@link #number} a {@code bigint}, {@link
 * #instant} a {@code timestamptz}, {@link #date} a {@code date}, {@link #array} a {@code text[]},
 * {@link #json} a {@code json} (not {@code jsonb}, whose binary form starts with a version byte),
 * {@link #text} a {@code text} or an enum (sent as its label).
 */
final class CopyRows {

  private static final byte[] NULL = {'\\', 'N'};
  // U+FFFD in UTF-8: what a NUL becomes (PostgresText.REPLACEMENT).
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
  private static final byte[] ESCAPED_BACKSLASH = {'\\', '\\'};
  // The JSON escape \uFFFD, its backslash escaped for COPY: what a JSON escape of NUL becomes.
  private static final byte[] JSON_REPLACEMENT = {'\\', '\\', 'u', 'F', 'F', 'F', 'D'};

  // COPY's binary header: signature, flags, header extension length; and its trailer.
  private static final byte[] BINARY_HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };
  private static final byte[] BINARY_TRAILER = {(byte) 0xFF, (byte) 0xFF};
  // The JSON escape \uFFFD as it is sent in binary: what a JSON escape of NUL becomes.
  private static final byte[] BINARY_JSON_REPLACEMENT = {'\\', 'u', 'F', 'F', 'F', 'D'};
  // 2000-01-01T00:00:00Z, from which the server counts microseconds and days.
  private static final long SERVER_EPOCH_SECOND = 946_684_800L;
  private static final long SERVER_EPOCH_DAY = 10_957L;
  private static final int TEXT_OID = 25;

  private final String target;
  private final boolean binary;
  private byte[] data;
  private int length;
  // Text is copied here before it is encoded: reading a char[] is faster than String.charAt.
  private char[] chars = new char[1 << 10];
  private boolean rowStarted;
  private int rows;
  // Binary format: where the row being written starts (its field count goes there) and its fields.
  private int rowAt;
  private int fields;

  /**
   * @param target the table and its columns, in the order values are added: {@code "comment (id,
   *     text)"}
   */
  CopyRows(String target) {
    this(target, 1 << 12);
  }

  /** {@code capacity}: the bytes the rows are expected to take (the buffer grows past it). */
  CopyRows(String target, int capacity) {
    this(target, capacity, false);
  }

  private CopyRows(String target, int capacity, boolean binary) {
    this.target = target.replaceAll("\\s+", " ");
    this.binary = binary;
    this.data = new byte[Math.max(capacity, 64)];
  }

  /** Rows in COPY's binary format (see the class comment for which method writes which type). */
  static CopyRows binary(String target, int capacity) {
    return new CopyRows(target, capacity, true);
  }

  boolean isBinary() {
    return binary;
  }

  CopyRows text(String value) {
    if (value == null) {
      return nullValue();
    }
    int n = value.length();
    char[] text = charsFor(n);
    value.getChars(0, n, text, 0);
    if (binary) {
      int at = startValue();
      putUtf8(text, 0, n, false);
      return endValue(at);
    }
    separate();
    putUtf8(text, 0, n, true);
    return this;
  }

  private CopyRows nullValue() {
    if (binary) {
      startRowIfNeeded();
      fields++;
      putInt(-1);
      return this;
    }
    separate();
    put(NULL);
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
      return nullValue();
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
    if (binary) {
      return binaryJson(text, length);
    }
    separate();
    int from = 0;
    for (int i = 0; i < length; i++) {
      if (text[i] == '\\') {
        putUtf8(text, from, i, true);
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
    putUtf8(text, from, length, true);
    return this;
  }

  /** The JSON as it is, cleaned as {@link #json(char[], int)} cleans it, with no COPY escapes. */
  private CopyRows binaryJson(char[] text, int length) {
    int at = startValue();
    int from = 0;
    for (int i = 0; i < length; i++) {
      if (text[i] == '\\') {
        if (isNulEscape(text, i + 1, length)) {
          putUtf8(text, from, i, false);
          put(BINARY_JSON_REPLACEMENT);
          i += 5;
          from = i + 1;
        } else {
          // A two-character escape: its second character starts nothing.
          i++;
        }
      }
    }
    putUtf8(text, from, length, false);
    return endValue(at);
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
   * Appends {@code text[from, to)} as UTF-8 with NUL replaced (as {@link PostgresText#clean}) and,
   * when {@code escape}, the four COPY text escapes (backslash, newline, carriage return, tab).
   */
  private void putUtf8(char[] text, int from, int to, boolean escape) {
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
        if (!escape && c != '\0') {
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
    if (binary) {
      int at = startValue();
      putLong(value);
      return endValue(at);
    }
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
    if (binary) {
      int at = startValue();
      ensure(1);
      data[length++] = (byte) (value ? 1 : 0);
      return endValue(at);
    }
    separate();
    ensure(1);
    data[length++] = (byte) (value ? 't' : 'f');
    return this;
  }

  CopyRows instant(Instant value) {
    if (binary && value != null) {
      int at = startValue();
      putLong(serverMicros(value));
      return endValue(at);
    }
    return text(value == null ? null : IsoInstants.text(value));
  }

  /**
   * Microseconds from 2000-01-01 UTC, as the server makes them of the instant's ISO-8601 text: it
   * reads the fraction as a double and rounds it to microseconds with {@code rint} (half to even);
   * {@code nano / 1e9} is the double nearest the fraction, as the server's {@code strtod} reads it.
   */
  static long serverMicros(Instant value) {
    long micros = (long) Math.rint(value.getNano() / 1e9 * 1e6);
    return (value.getEpochSecond() - SERVER_EPOCH_SECOND) * 1_000_000L + micros;
  }

  /** A date column: its ISO-8601 text, or in binary the days from 2000-01-01. */
  CopyRows date(LocalDate value) {
    if (binary && value != null) {
      int at = startValue();
      putInt((int) (value.toEpochDay() - SERVER_EPOCH_DAY));
      return endValue(at);
    }
    return text(value == null ? null : value.toString());
  }

  /** A text[] column, as the array literal PostgreSQL reads it in. */
  CopyRows array(List<String> values) {
    if (!binary) {
      return text(Columns.arrayLiteral(values));
    }
    // One dimension (none when empty), no nulls, text elements, each cleaned as the literal's are.
    int at = startValue();
    putInt(values.isEmpty() ? 0 : 1);
    putInt(0);
    putInt(TEXT_OID);
    if (!values.isEmpty()) {
      putInt(values.size());
      putInt(1);
    }
    for (String element : values) {
      int n = element.length();
      char[] text = charsFor(n);
      element.getChars(0, n, text, 0);
      int elementAt = length;
      putInt(0);
      putUtf8(text, 0, n, false);
      patchInt(elementAt, length - elementAt - 4);
    }
    return endValue(at);
  }

  CopyRows endRow() {
    if (binary) {
      data[rowAt] = (byte) (fields >>> 8);
      data[rowAt + 1] = (byte) fields;
      rowStarted = false;
      rows++;
      return this;
    }
    ensure(1);
    data[length++] = '\n';
    rowStarted = false;
    rows++;
    return this;
  }

  /** Binary format: starts a value (and its row, if first), leaving room for its length. */
  private int startValue() {
    startRowIfNeeded();
    fields++;
    int at = length;
    putInt(0);
    return at;
  }

  /** Binary format: the value started at {@code at} ends here; its length goes before it. */
  private CopyRows endValue(int at) {
    patchInt(at, length - at - 4);
    return this;
  }

  private void startRowIfNeeded() {
    if (!rowStarted) {
      rowStarted = true;
      rowAt = length;
      fields = 0;
      ensure(2);
      length += 2;
    }
  }

  private void putInt(int value) {
    ensure(4);
    patchInt(length, value);
    length += 4;
  }

  private void patchInt(int at, int value) {
    data[at] = (byte) (value >>> 24);
    data[at + 1] = (byte) (value >>> 16);
    data[at + 2] = (byte) (value >>> 8);
    data[at + 3] = (byte) value;
  }

  private void putLong(long value) {
    putInt((int) (value >>> 32));
    putInt((int) value);
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

  /** The rows so far as COPY text (text format only). */
  String text() {
    return new String(data, 0, length, StandardCharsets.UTF_8);
  }

  /** The buffer the rows are in: its first {@link #length()} bytes, UTF-8. */
  byte[] bytes() {
    return data;
  }

  /** Sends the rows in the handle's transaction. */
  void copyInto(Handle handle) {
    copyInto(handle, target, binary, data, length, rows);
  }

  /**
   * Sends {@code rows} rows of COPY text (UTF-8, {@code bytes[0, length)}), or of COPY binary rows
   * (without the header and trailer, which are added here), into {@code target} in the handle's
   * transaction.
   *
   * @throws CopyFailedException when the server refuses them (nothing is copied)
   */
  static void copyInto(
      Handle handle, String target, boolean binary, byte[] bytes, int length, int rows) {
    if (rows == 0) {
      return;
    }
    InputStream in = new ByteArrayInputStream(bytes, 0, length);
    if (binary) {
      in =
          new SequenceInputStream(
              new ByteArrayInputStream(BINARY_HEADER),
              new SequenceInputStream(in, new ByteArrayInputStream(BINARY_TRAILER)));
    }
    try {
      long copied =
          handle
              .getConnection()
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY " + target + " FROM STDIN (FORMAT " + (binary ? "binary" : "text") + ")",
                  in);
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
