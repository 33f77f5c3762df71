package uk.nhs.triage.adapters;

/** The way back to a platform: an approved reply, or hiding a comment. */
public interface ReplyTarget {

  /**
   * Posts an approved reply under a comment.
   *
   * @param idempotencyKey the same key for a retry of the same reply, so a receiving end that
   *     supports it can drop a repeat
   * @return the platform's id of the reply
   */
  String reply(Comment comment, String text, String idempotencyKey) throws AdapterException;

  /** Hides a comment from public view, on platforms that allow it. */
  void hide(Comment comment) throws AdapterException;
}
