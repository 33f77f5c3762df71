package uk.nhs.triage.bot.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;

/**
 * Writes a {@link PreparedBatch} inside the caller's transaction in a few round trips, whatever the
 * batch's size: COPY sends the rows, as rendered ahead, straight into their tables (comments,
 * classifications, triage items, FOI cases, media enquiries, outbox emails, audit rows; {@link
 * PreparedTable}); author history (an upsert) goes as one statement. Should another process have
 * stored one of the comments since the batch was prepared, COPY fails on the unique key; one query
 * ({@link #storedSince}) then finds which comments are stored by now, and the batch is written
 * again with their rows left out.
 */
final class TriagedBatchWriter {

  private record Key(String platform, String externalId) {
    static Key of(Comment comment) {
      return new Key(
          PostgresText.clean(comment.platform()), PostgresText.clean(comment.externalId()));
    }
  }

  private final Handle handle;

  TriagedBatchWriter(Handle handle) {
    this.handle = handle;
  }

  /** Which of the prepared comments (1-based, in batch order) are stored by now. */
  Set<Long> storedSince(PreparedBatch prepared) {
    List<NewComment> fresh = prepared.fresh;
    return fresh.isEmpty()
        ? Set.of()
        : storedAlready(handle, fresh.stream().map(n -> n.triaged).toList());
  }

  /**
   * @param leaveOut the comments to leave out ({@link #storedSince}), or none: the rows then go as
   *     they are and a comment stored since the batch was prepared makes the COPY fail on the
   *     unique key
   * @return how many comments were new and stored; the rest (stored before, or a repeat within the
   *     batch) were left as they were
   */
  int write(PreparedBatch prepared, Set<Long> leaveOut) {
    List<NewComment> fresh = prepared.fresh;
    if (fresh.isEmpty()) {
      return 0;
    }
    Set<Long> storedSince = leaveOut;
    boolean keepAll = storedSince.isEmpty();
    boolean[] keep = new boolean[fresh.size()];
    AuthorTallies authors = new AuthorTallies();
    int stored = 0;
    for (int i = 0; i < keep.length; i++) {
      keep[i] = !storedSince.contains(i + 1L);
      if (keep[i]) {
        NewComment n = fresh.get(i);
        authors.add(n.comment(), n.triaged.classification());
        stored++;
      }
    }
    if (stored == 0) {
      return 0;
    }
    for (PreparedTable table : prepared.tables) {
      table.copyInto(handle, keep, keepAll);
    }
    authors.upsert(handle);
    return stored;
  }

  /** The first occurrence of each comment: a repeat within the batch is a duplicate of it. */
  static List<TriagedComment> firsts(List<TriagedComment> batch) {
    Map<Key, TriagedComment> firsts = new LinkedHashMap<>();
    for (TriagedComment triaged : batch) {
      firsts.putIfAbsent(Key.of(triaged.comment()), triaged);
    }
    return new ArrayList<>(firsts.values());
  }

  /** The comments of {@code rows} not stored yet, in their order. */
  static List<TriagedComment> notStoredYet(Handle handle, List<TriagedComment> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Set<Long> stored = storedAlready(handle, rows);
    if (stored.isEmpty()) {
      return rows;
    }
    List<TriagedComment> unseen = new ArrayList<>(rows.size() - stored.size());
    for (int i = 0; i < rows.size(); i++) {
      if (!stored.contains(i + 1L)) {
        unseen.add(rows.get(i));
      }
    }
    return unseen;
  }

  /** The positions (from 1) of the comments of {@code rows} that are stored already. */
  private static Set<Long> storedAlready(Handle handle, List<TriagedComment> rows) {
    return new HashSet<>(
        handle
            .createQuery(
                """
                SELECT u.n
                  FROM unnest(:platform, :externalId) WITH ORDINALITY
                       AS u(platform, external_id, n)
                 WHERE EXISTS (SELECT 1 FROM comment c
                                WHERE c.platform = u.platform
                                  AND c.external_id = u.external_id)
                """)
            .bindArray("platform", String.class, Columns.text(rows, t -> t.comment().platform()))
            .bindArray(
                "externalId", String.class, Columns.text(rows, t -> t.comment().externalId()))
            .mapTo(Long.class)
            .list());
  }
}
