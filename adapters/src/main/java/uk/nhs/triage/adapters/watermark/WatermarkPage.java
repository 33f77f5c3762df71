package uk.nhs.triage.adapters.watermark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;

/**
 * The {@link Page} a newest-first poll returns: what it read, oldest first, and the cursor of the
 * {@link Watermark} moved past all of it (the old cursor when nothing moved it).
 */
public final class WatermarkPage {
  private WatermarkPage() {}

  /**
   * One item the poll read.
   *
   * @param at the time the watermark goes by
   * @param returned false for an item read past but not returned (e.g. our own reply)
   */
  public record Read(Instant at, Comment comment, boolean returned) {}

  public static Page of(
      Collection<Read> read, Watermark mark, String cursor, List<String> problems) {
    List<Read> inOrder = new ArrayList<>(read);
    inOrder.sort(Comparator.comparing(Read::at).thenComparing(r -> r.comment().externalId()));
    List<Comment> comments = new ArrayList<>();
    Watermark next = mark;
    for (Read r : inOrder) {
      next = next.advance(r.at(), r.comment().externalId());
      if (r.returned()) {
        comments.add(r.comment());
      }
    }
    return new Page(comments, next == mark ? cursor : next.toCursor(), false, problems);
  }
}
