package uk.nhs.triage.adapters.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;

/**
 * One poll of a Graph account: gathers the new comments from every post or media (each once), notes
 * what could not be read, and makes the {@link Page} whose cursor covers exactly them.
 */
public final class GraphPoll {
  private final Watermark watermark;
  private final Instant windowStart;
  private final Map<String, Comment> fresh = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * @param windowStart the start of the look-back window: posts published since are read
   */
  public GraphPoll(Watermark watermark, Instant windowStart) {
    this.watermark = watermark;
    this.windowStart = windowStart;
  }

  public Instant windowStart() {
    return windowStart;
  }

  /** True when everything created at this time or before is already known. */
  public boolean isBehind(Instant createdAt) {
    return watermark.isBehind(createdAt);
  }

  /** Keeps the comment when it is new; the comment must have a creation time. */
  public void offer(Comment comment) {
    if (watermark.isNew(comment.externalId(), comment.createdAt())) {
      fresh.putIfAbsent(comment.externalId(), comment);
    }
  }

  public void problem(String problem) {
    problems.add(problem);
  }

  /** The new comments, oldest first, and the cursor that follows them. */
  public Page page() {
    List<Comment> comments = new ArrayList<>(fresh.values());
    comments.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::externalId));
    return new Page(comments, watermark.advance(comments), false, problems);
  }
}
