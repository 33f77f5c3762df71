package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.PostgresText.clean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Label;

/**
 * The author-history totals a batch adds, one row per author: PostgreSQL cannot upsert the same row
 * twice in one statement, so an author's comments in the batch are added up here first, with the
 * same result as upserting them one by one in batch order.
 */
final class AuthorTallies {

  private record Key(String platform, String authorKey) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byPlatform = platform.compareTo(other.platform);
      return byPlatform != 0 ? byPlatform : authorKey.compareTo(other.authorKey);
    }
  }

  private static final class Tally {
    String handle;
    String name;
    int comments;
    int negative;
    int offensive;
    Instant firstSeen;
    Instant lastSeen;
  }

  // Sorted, so concurrent batches lock the same authors in the same order and cannot deadlock.
  private final Map<Key, Tally> tallies = new TreeMap<>();
  private final Instant now = Instant.now();

  void add(Comment comment, Classification classification) {
    Author author = comment.author();
    if (author.historyKey() == null) {
      return;
    }
    Tally tally =
        tallies.computeIfAbsent(
            new Key(clean(comment.platform()), clean(author.historyKey())), k -> new Tally());
    // A later comment's handle and name win, as each upsert in turn would have left them.
    if (author.handle() != null) {
      tally.handle = clean(author.handle());
    }
    if (author.name() != null) {
      tally.name = clean(author.name());
    }
    tally.comments++;
    tally.negative += classification.has(Label.NEGATIVE) ? 1 : 0;
    tally.offensive += classification.has(Label.OFFENSIVE) ? 1 : 0;
    Instant at = comment.createdAt() != null ? comment.createdAt() : now;
    tally.firstSeen =
        tally.firstSeen == null || at.isBefore(tally.firstSeen) ? at : tally.firstSeen;
    tally.lastSeen = tally.lastSeen == null || at.isAfter(tally.lastSeen) ? at : tally.lastSeen;
  }

  void upsert(Handle handle) {
    if (tallies.isEmpty()) {
      return;
    }
    List<Map.Entry<Key, Tally>> rows = new ArrayList<>(tallies.entrySet());
    handle
        .createUpdate(
            """
            INSERT INTO author (platform, author_key, handle, display_name, comment_count,
                                negative_count, offensive_count, first_seen, last_seen)
            SELECT * FROM unnest(:platform, :authorKey, :handle, :name, :comments, :negative,
                                 :offensive, CAST(:firstSeen AS timestamptz[]),
                                 CAST(:lastSeen AS timestamptz[]))
            ON CONFLICT (platform, author_key) DO UPDATE SET
                handle          = coalesce(excluded.handle, author.handle),
                display_name    = coalesce(excluded.display_name, author.display_name),
                comment_count   = author.comment_count + excluded.comment_count,
                negative_count  = author.negative_count + excluded.negative_count,
                offensive_count = author.offensive_count + excluded.offensive_count,
                first_seen      = least(author.first_seen, excluded.first_seen),
                last_seen       = greatest(author.last_seen, excluded.last_seen)
            """)
        .bindArray("platform", String.class, Columns.text(rows, r -> r.getKey().platform()))
        .bindArray("authorKey", String.class, Columns.text(rows, r -> r.getKey().authorKey()))
        .bindArray("handle", String.class, Columns.text(rows, r -> r.getValue().handle))
        .bindArray("name", String.class, Columns.text(rows, r -> r.getValue().name))
        .bindArray(
            "comments", Integer.class, rows.stream().map(r -> r.getValue().comments).toList())
        .bindArray(
            "negative", Integer.class, rows.stream().map(r -> r.getValue().negative).toList())
        .bindArray(
            "offensive", Integer.class, rows.stream().map(r -> r.getValue().offensive).toList())
        .bindArray("firstSeen", String.class, Columns.instants(rows, r -> r.getValue().firstSeen))
        .bindArray("lastSeen", String.class, Columns.instants(rows, r -> r.getValue().lastSeen))
        .execute();
  }
}
