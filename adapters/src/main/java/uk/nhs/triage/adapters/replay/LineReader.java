package uk.nhs.triage.adapters.replay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads complete newline-terminated lines as bytes, keeping count of the bytes consumed. */
final class LineReader {
  private final InputStream in;
  private long consumed;
  private long lineStart;

  LineReader(InputStream in, long startOffset) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.consumed = startOffset;
    this.lineStart = startOffset;
  }

  /** The next complete line without its line ending, or null at the end of complete lines. */
  byte[] next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int b;
    long read = 0;
    while ((b = in.read()) != -1) {
      read++;
      if (b == '\n') {
        lineStart = consumed;
        consumed += read;
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
          return java.util.Arrays.copyOf(bytes, length - 1);
        }
        return bytes;
      }
      line.write(b);
    }
    return null;
  }

  /** Where the line last returned by {@link #next()} starts in the file. */
  long lineStart() {
    return lineStart;
  }

  /** The offset just after the last complete line returned. */
  long consumed() {
    return consumed;
  }
}
