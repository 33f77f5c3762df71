package uk.nhs.triage.bot.store;

import java.nio.charset.StandardCharsets;
import org.jdbi.v3.core.Handle;

/**
 * One table's rows of a {@link PreparedBatch} as COPY text, rendered ahead of the transaction, with
 * where each comment's rows begin: the whole text is sent as it is when every comment is still new
 * at commit time, or only the rows of the comments that are.
 */
final class PreparedTable {

  private final String target;
  private final String text;
  private final byte[] utf8;
  // starts[i]: where comment i's rows begin in text (starts[n] = text.length()); rowsBefore[i]:
  // how many rows come before them.
  private final int[] starts;
  private final int[] rowsBefore;

  private PreparedTable(CopyRows rows, int[] starts, int[] rowsBefore) {
    this.target = rows.target();
    this.text = rows.text();
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    this.starts = starts;
    this.rowsBefore = rowsBefore;
  }

  int rows() {
    return rowsBefore[rowsBefore.length - 1];
  }

  /** Sends the rows of the comments kept ({@code keep[i]} for comment i) into the table. */
  void copyInto(Handle handle, boolean[] keep, boolean keepAll) {
    if (keepAll) {
      CopyRows.copyInto(handle, target, utf8, rows());
      return;
    }
    StringBuilder kept = new StringBuilder(text.length());
    int rows = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        kept.append(text, starts[i], starts[i + 1]);
        rows += rowsBefore[i + 1] - rowsBefore[i];
      }
    }
    CopyRows.copyInto(handle, target, kept.toString().getBytes(StandardCharsets.UTF_8), rows);
  }

  /** Rows added comment by comment: {@link #commentDone} after each comment's rows (maybe none). */
  static final class Builder {
    private final CopyRows rows;
    private final int[] starts;
    private final int[] rowsBefore;
    private int comments;

    Builder(String target, int comments) {
      this.rows = new CopyRows(target);
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
