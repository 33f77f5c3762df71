package uk.nhs.triage.bot.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * Removes personal data older than the retention period: comment text, raw payload and author
 * details, the words quoted as evidence, reply drafts (they name the author), and the comment text
 * copied into sent outbox entries. What remains — labels, scores, queues, actions, priority, status
 * and dates — is anonymous and keeps the reports true. FOI cases and media enquiries are records
 * their teams keep under their own schedules and are not touched. Each purge is written to the
 * audit log.
 */
public final class RetentionPurge {
  static final String REMOVED = "[removed under the retention policy]";

  private final Jdbi jdbi;
  private final Clock clock;

  public RetentionPurge(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Purges what is older than {@code days}; returns how many comments were purged. */
  public int purge(int days) {
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
    return jdbi.inTransaction(
        h -> {
          int comments =
              h.createUpdate(
                      "UPDATE comment SET text = :removed, raw_payload = NULL, author_handle ="
                          + " NULL, author_name = NULL, url = NULL"
                          + " WHERE fetched_at < :before AND text <> :removed")
                  .bind("removed", REMOVED)
                  .bind("before", before)
                  .execute();
          h.createUpdate(
                  "UPDATE classification SET evidence = '{}'::jsonb WHERE comment_id IN"
                      + " (SELECT id FROM comment WHERE fetched_at < :before)")
              .bind("before", before)
              .execute();
          // a reply draft greets the author by handle ("Hi @sue_b, ..."), in its column and in
          // the decision
          h.createUpdate(
                  "UPDATE triage_item SET reply_draft = NULL,"
                      + " decision = jsonb_set(decision::jsonb, '{replyDraft}', 'null')::json"
                      + " WHERE comment_id IN (SELECT id FROM comment WHERE fetched_at < :before)"
                      + " AND (reply_draft IS NOT NULL OR decision ->> 'replyDraft' IS NOT NULL)")
              .bind("before", before)
              .execute();
          h.createUpdate(
                  "UPDATE outbox SET payload = jsonb_build_object('purged', true)"
                      + " WHERE sent_at IS NOT NULL AND created_at < :before"
                      + " AND payload ->> 'purged' IS NULL")
              .bind("before", before)
              .execute();
          h.createUpdate(
                  "UPDATE author SET handle = NULL, display_name = NULL WHERE last_seen < :before")
              .bind("before", before)
              .execute();
          h.createUpdate(
                  "INSERT INTO audit_log (actor, action, entity, entity_id, detail)"
                      + " VALUES ('bot', 'retention_purge', 'comment', NULL,"
                      + " jsonb_build_object('older_than_days', :days, 'comments', :comments))")
              .bind("days", days)
              .bind("comments", comments)
              .execute();
          return comments;
        });
  }
}
