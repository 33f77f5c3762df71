package uk.nhs.triage.bot.store;

import org.jdbi.v3.core.Handle;

/**
 * One table's rows of a {@link PreparedBatch} as COPY text (UTF-8 bytes) or COPY binary rows
 * (without header and trailer, so any comments' rows can be cut out and sent), rendered ahead of
 * the transaction, with where each comment's rows begin: the whole text is sent as it is when every
 * comment is still new at commit time, or only the rows of the comments that are.
 */
final class PreparedTable {

  private final String target;
  private final boolean binary;
  private final byte[] utf8;
  // starts[i]: where comment i's rows begin in utf8 (starts[n]: where they end); rowsBefore[i]:
  // how many rows come before them.
  private final int[] starts;
  private final int[] rowsBefore;

  private PreparedTable(CopyRows rows, int[] starts, int[] rowsBefore) {
    this.target = rows.target();
    this.binary = rows.isBinary();
    this.utf8 = rows.bytes();
    this.starts = starts;
    this.rowsBefore = rowsBefore;
  }

  /** The table and the columns the rows fill: {@code "comment (id, text)"}. */
  String target() {
    return target;
  }

  int rows() {
    return rowsBefore[rowsBefore.length - 1];
  }

  /** Sends the rows of the comments kept ({@code keep[i]} for comment i) into the table. */
  void copyInto(Handle handle, boolean[] keep, boolean keepAll) {
    int end = starts[starts.length - 1];
    if (keepAll) {
      CopyRows.copyInto(handle, target, binary, utf8, end, rows());
      return;
    }
    byte[] kept = new byte[end];
    int length = 0;
    int rows = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        int size = starts[i + 1] - starts[i];
        System.arraycopy(utf8, starts[i], kept, length, size);
        length += size;
        rows += rowsBefore[i + 1] - rowsBefore[i];
      }
    }
    CopyRows.copyInto(handle, target, binary, kept, length, rows);
  }

  /** Rows added comment by comment: {@link #commentDone} after each comment's rows (maybe none). */
  static final class Builder {
    private final CopyRows rows;
    private final int[] starts;
    private final int[] rowsBefore;
    private int comments;

    /**
     * {@code bytesPerComment}: about how many bytes a comment's rows take (a first size); {@code
     * binary}: the rows in COPY's binary format ({@link CopyRows#binary}), as the batch path sends
     * them; text is kept as the reading {@code BinaryCopyTest} compares them against.
     */
    Builder(String target, int comments, int bytesPerComment, boolean binary) {
      this.rows =
          binary
              ? CopyRows.binary(target, comments * bytesPerComment)
              : new CopyRows(target, comments * bytesPerComment);
      this.starts = new int[comments + 1];
      this.rowsBefore = new int[comments + 1];
    }

    CopyRows rows() {
      return rows;
    }

    void commentDone() {
      comments++;
      starts[comments] = rows.length();
      rowsBefore[comments] = rows.rows();
    }

    PreparedTable build() {
      if (comments != starts.length - 1) {
        throw new IllegalStateException(
            "rows for " + comments + " comments of " + (starts.length - 1));
      }
      return new PreparedTable(rows, starts, rowsBefore);
    }
  }
}
