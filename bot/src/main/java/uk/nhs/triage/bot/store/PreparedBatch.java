package uk.nhs.triage.bot.store;

import java.util.List;
import uk.nhs.triage.bot.pipeline.TriagedComment;

/**
 * A polled batch made ready to store ({@link TriageStore#prepare}), outside the transaction that
 * stores it: the comments not stored yet have their ids (comment, triage item, FOI reference), and
 * every row they add is already COPY rows (binary format), so storing it ({@link
 * TriageStore#saveBatch(PreparedBatch, String)}) mostly streams bytes. Nothing is stored by
 * preparing, except the rules version's rule lines (configuration, never anything a commenter
 * wrote); ids reserved for a comment that turns out to be stored by then are skipped, as a
 * rolled-back transaction skips them.
 */
public final class PreparedBatch {

  final String accountId;
  final List<TriagedComment> batch;
  final List<NewComment> fresh;
  final List<PreparedTable> tables;

  PreparedBatch(
      String accountId,
      List<TriagedComment> batch,
      List<NewComment> fresh,
      List<PreparedTable> tables) {
    this.accountId = accountId;
    this.batch = List.copyOf(batch);
    this.fresh = List.copyOf(fresh);
    this.tables = List.copyOf(tables);
  }

  public String accountId() {
    return accountId;
  }

  /** The comments as polled, repeats and comments stored before included. */
  public List<TriagedComment> comments() {
    return batch;
  }

  /** How many comments were new when the batch was prepared (rows were rendered for those). */
  public int newWhenPrepared() {
    return fresh.size();
  }
}
