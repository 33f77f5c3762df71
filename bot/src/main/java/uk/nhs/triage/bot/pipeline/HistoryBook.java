package uk.nhs.triage.bot.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<String, List<PriorComment>> histories = new HashMap<>();

  /** A book that starts empty: history is only what this run sees (the classify command). */
  public static HistoryBook inMemory() {
    return new HistoryBook((platform, author) -> AuthorHistory.NONE);
  }

  /**
   * @param storedHistory loads an author's stored history by (platform, author key)
   */
  public HistoryBook(BiFunction<String, String, AuthorHistory> storedHistory) {
    this.storedHistory = storedHistory;
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

  private List<PriorComment> priorOf(Comment comment) {
    String key = comment.author().historyKey();
    if (key == null) {
      return null;
    }
    return histories.computeIfAbsent(
        comment.platform() + "\u0000" + key,
        k -> new ArrayList<>(storedHistory.apply(comment.platform(), key).prior()));
  }
}
