package uk.nhs.triage.adapters;

import java.util.Optional;

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

  /**
   * Looks for a reply this account already posted under the comment with this text (compared as
   * {@link ReplyText#same} does), so a retry after a crash between the platform accepting a reply
   * and the outbox recording it can find the first one instead of posting it again. None of the
   * platforms takes an idempotency key on a reply, so reading back is the only way to know.
   *
   * <p>Reads a bounded number of pages, newest first where the platform allows it.
   *
   * @return the platform's id of that reply (the same kind of id {@link #reply} returns), or empty
   *     when the account has no such reply under the comment
   * @throws AdapterException when the platform could not be asked; the caller cannot then tell
   *     whether the reply is there
   */
  Optional<String> findOwnReply(Comment comment, String text) throws AdapterException;

  /** Hides a comment from public view, on platforms that allow it. */
  void hide(Comment comment) throws AdapterException;
}
