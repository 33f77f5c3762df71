package uk.nhs.triage.bot.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.classifier.AuthorHistory;
import uk.nhs.triage.classifier.AuthorHistory.PriorComment;
import uk.nhs.triage.classifier.Classification;

/**
 * Authors' histories as a run goes on: what was stored before (loaded once per author) plus what
 * this run has classified since, so the fifth comment of a batch sees the four before it.
 */
public final class HistoryBook {
  private final BiFunction<String, String, AuthorHistory> storedHistory;
  private final BulkHistory bulkHistory;
  private final Map<String, List<PriorComment>> histories = new HashMap<>();

  /** Loads the stored histories of many authors of one platform at once. */
  @FunctionalInterface
  public interface BulkHistory {
    /** Author key to history; an author with none may be left out. */
    Map<String, AuthorHistory> load(String platform, Collection<String> authorKeys);
  }

  /** A book that starts empty: history is only what this run sees (the classify command). */
  public static HistoryBook inMemory() {
    return new HistoryBook((platform, author) -> AuthorHistory.NONE);
  }

  /**
   * @param storedHistory loads an author's stored history by (platform, author key)
   */
  public HistoryBook(BiFunction<String, String, AuthorHistory> storedHistory) {
    this(storedHistory, null);
  }

  /**
   * @param bulkHistory loads many authors' stored histories in one go, for {@link #preload}
   */
  public HistoryBook(
      BiFunction<String, String, AuthorHistory> storedHistory, BulkHistory bulkHistory) {
    this.storedHistory = storedHistory;
    this.bulkHistory = bulkHistory;
  }

  /**
   * Loads, in one query per platform rather than one per author, the stored history of every author
   * of these comments not loaded yet: a page of a backfill has hundreds of authors new to the run.
   */
  public void preload(List<Comment> comments) {
    if (bulkHistory == null) {
      return;
    }
    Map<String, Set<String>> missing = new HashMap<>();
    for (Comment comment : comments) {
      String key = comment.author().historyKey();
      if (key != null && !histories.containsKey(bookKey(comment.platform(), key))) {
        missing.computeIfAbsent(comment.platform(), p -> new LinkedHashSet<>()).add(key);
      }
    }
    missing.forEach(
        (platform, keys) -> {
          Map<String, AuthorHistory> loaded = bulkHistory.load(platform, keys);
          for (String key : keys) {
            AuthorHistory history = loaded.getOrDefault(key, AuthorHistory.NONE);
            histories.put(bookKey(platform, key), new ArrayList<>(history.prior()));
          }
        });
  }

  public AuthorHistory historyOf(Comment comment) {
    List<PriorComment> prior = priorOf(comment);
    return prior == null ? AuthorHistory.NONE : new AuthorHistory(prior);
  }

  public void record(Comment comment, Classification classification, Instant at) {
    List<PriorComment> prior = priorOf(comment);
    if (prior != null) {
      prior.add(new PriorComment(at, classification.labels()));
    }
  }

  private static String bookKey(String platform, String authorKey) {
    return platform + "\u0000" + authorKey;
  }

  private List<PriorComment> priorOf(Comment comment) {
    String key = comment.author().historyKey();
    if (key == null) {
      return null;
    }
    return histories.computeIfAbsent(
        bookKey(comment.platform(), key),
        k -> new ArrayList<>(storedHistory.apply(comment.platform(), key).prior()));
  }
}
