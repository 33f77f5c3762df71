package uk.nhs.triage.bot.store;

import java.time.Instant;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;

/** A comment new to the store, with the ids its rows were given. */
final class NewComment {
  final TriagedComment triaged;
  final long commentId;
  long itemId;
  String foiReference;
  Instant foiReceivedAt;

  NewComment(TriagedComment triaged, long commentId) {
    this.triaged = triaged;
    this.commentId = commentId;
  }

  Comment comment() {
    return triaged.comment();
  }

  Decision decision() {
    return triaged.decision();
  }
}
