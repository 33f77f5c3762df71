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
