package uk.nhs.triage.bot.store;

import java.io.Writer;
import java.util.Arrays;

/**
 * A reusable buffer Jackson writes a JSON value into, read back as chars by {@link
 * CopyRows#json(char[], int)}: no string is made for a value that only passes through on its way
 * into COPY text. Not thread-safe: one per batch being prepared.
 */
final class JsonChars extends Writer {

  private char[] chars = new char[1 << 12];
  private int length;

  /** Forgets what was written: the next value starts at the beginning. */
  JsonChars reset() {
    length = 0;
    return this;
  }

  char[] chars() {
    return chars;
  }

  int length() {
    return length;
  }

  @Override
  public void write(char[] source, int offset, int count) {
    ensure(count);
    System.arraycopy(source, offset, chars, length, count);
    length += count;
  }

  @Override
  public void write(String source, int offset, int count) {
    ensure(count);
    source.getChars(offset, offset + count, chars, length);
    length += count;
  }

  @Override
  public void write(int c) {
    ensure(1);
    chars[length++] = (char) c;
  }

  /** Appends {@code text} as it is (JSON punctuation, keys known to need no escape). */
  JsonChars raw(String text) {
    write(text, 0, text.length());
    return this;
  }

  JsonChars raw(char c) {
    write(c);
    return this;
  }

  /**
   * Appends {@code text} as a JSON string, escaped as Jackson escapes it by default: quote and
   * backslash by a backslash; backspace, tab, form feed, newline and carriage return by their short
   * escapes; other characters below U+0020 as backslash, u and four upper-case hex digits;
   * everything else as it is.
   */
  JsonChars string(String text) {
    int n = text.length();
    ensure(2 + 6 * n);
    char[] out = chars;
    int start = length + 1;
    // Most text needs no escape: copy it whole (getChars is an intrinsic), then look for the first
    // char that does; from there on, write it char by char over the copy.
    text.getChars(0, n, out, start);
    int clean = 0;
    while (clean < n) {
      char c = out[start + clean];
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      clean++;
    }
    out[length] = '"';
    int p = start + clean;
    for (int i = clean; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        out[p++] = c;
        continue;
      }
      out[p++] = '\\';
      switch (c) {
        case '"', '\\' -> out[p++] = c;
        case '\b' -> out[p++] = 'b';
        case '\t' -> out[p++] = 't';
        case '\f' -> out[p++] = 'f';
        case '\n' -> out[p++] = 'n';
        case '\r' -> out[p++] = 'r';
        default -> {
          out[p++] = 'u';
          out[p++] = '0';
          out[p++] = '0';
          out[p++] = HEX[c >> 4];
          out[p++] = HEX[c & 0xF];
        }
      }
    }
    out[p++] = '"';
    length = p;
    return this;
  }

  /**
   * Appends a number as Jackson writes a double: {@link Double#toString}, NaN and infinities
   * quoted.
   */
  JsonChars number(double value) {
    String text = Double.toString(value);
    return Double.isFinite(value) ? raw(text) : string(text);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** What was written, as a string (for tests and one-off values). */
  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private void ensure(int more) {
    if (chars.length - length < more) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }
  }
}
