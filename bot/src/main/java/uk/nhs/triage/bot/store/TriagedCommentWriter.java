package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.PostgresText.clean;
import static uk.nhs.triage.bot.store.TriageRecords.names;
import static uk.nhs.triage.bot.store.TriageRecords.sortedQueues;
import static uk.nhs.triage.bot.store.TriageRecords.utc;
import static uk.nhs.triage.bot.store.TriageRecords.wireNames;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.store.TriageRecords.PendingEmail;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Label;

/**
 * Writes one triaged comment and everything that follows from it (classification, triage item, FOI
 * case, media enquiry, outbox emails, author history, audit) inside the caller's transaction, one
 * statement per row. Batches go through {@link TriagedBatchWriter}; this one names the comment at
 * fault when a batch fails.
 */
final class TriagedCommentWriter {

  private final Handle handle;
  private final JsonColumns json;

  TriagedCommentWriter(Handle handle, JsonColumns json) {
    this.handle = handle;
    this.json = json;
  }

  /**
   * @return true when the comment was new and stored; false when it was already stored, in which
   *     case nothing was written
   */
  boolean write(String accountId, TriagedComment triaged) {
    Comment comment = triaged.comment();
    Optional<Long> commentId = insertComment(accountId, comment);
    if (commentId.isEmpty()) {
      return false;
    }
    Classification classification = triaged.classification();
    Decision decision = triaged.decision();
    insertClassification(commentId.get(), classification);
    long itemId = insertTriageItem(commentId.get(), decision);
    String foiReference =
        decision.foi() == null ? null : insertFoiCase(commentId.get(), comment, decision.foi());
    if (decision.media() != null) {
      insertMediaEnquiry(commentId.get(), decision.media());
    }
    queueEmails(accountId, comment, classification, decision, itemId, foiReference);
    recordAuthor(comment, classification);
    audit(itemId, commentId.get(), comment, classification, decision);
    return true;
  }

  private Optional<Long> insertComment(String accountId, Comment comment) {
    Author author = comment.author();
    return handle
        .createQuery(
            """
            INSERT INTO comment (platform, external_id, account_id, author_key, author_handle,
                                 author_name, text, created_at, url, in_reply_to, raw_payload)
            VALUES (:platform, :externalId, :accountId, :authorKey, :authorHandle,
                    :authorName, :text, :createdAt, :url, :inReplyTo, :rawPayload)
            ON CONFLICT (platform, external_id) DO NOTHING
            RETURNING id
            """)
        .bind("platform", clean(comment.platform()))
        .bind("externalId", clean(comment.externalId()))
        .bind("accountId", accountId)
        .bind("authorKey", clean(author.historyKey()))
        .bind("authorHandle", clean(author.handle()))
        .bind("authorName", clean(author.name()))
        .bind("text", clean(comment.text()))
        .bindByType("createdAt", utc(comment.createdAt()), OffsetDateTime.class)
        .bind("url", clean(comment.url()))
        .bind("inReplyTo", clean(comment.inReplyToId()))
        .bind("rawPayload", clean(comment.rawPayload()))
        .mapTo(Long.class)
        .findOne();
  }

  private void insertClassification(long commentId, Classification classification) {
    Set<RuleLines.Key> stored = RuleLines.store(handle, List.of(classification));
    handle
        .createUpdate(
            """
            INSERT INTO classification (comment_id, labels, review_labels, scores, evidence,
                                        rules_version)
            VALUES (:commentId, :labels, :reviewLabels, CAST(:scores AS jsonb),
                    CAST(:evidence AS jsonb), :rulesVersion)
            """)
        .bind("commentId", commentId)
        .bindArray("labels", String.class, wireNames(classification.labels()))
        .bindArray("reviewLabels", String.class, wireNames(classification.forReview()))
        .bind("scores", json.scores(classification))
        .bind("evidence", json.evidence(classification, stored))
        .bind("rulesVersion", clean(classification.rulesVersion()))
        .execute();
  }

  private long insertTriageItem(long commentId, Decision decision) {
    return handle
        .createQuery(
            """
            INSERT INTO triage_item (comment_id, queues, actions, priority, due_by,
                                     reply_template, reply_draft, decision)
            VALUES (:commentId, :queues, :actions, CAST(:priority AS triage_priority), :dueBy,
                    :replyTemplate, :replyDraft, CAST(:decision AS jsonb))
            RETURNING id
            """)
        .bind("commentId", commentId)
        .bindArray("queues", String.class, sortedQueues(decision))
        .bindArray("actions", String.class, names(decision.actions()))
        .bind("priority", decision.priority().name())
        .bindByType("dueBy", utc(decision.dueBy()), OffsetDateTime.class)
        .bind("replyTemplate", clean(decision.replyTemplate()))
        .bind("replyDraft", clean(decision.replyDraft()))
        .bind("decision", json.decision(decision))
        .mapTo(Long.class)
        .one();
  }

  private String insertFoiCase(long commentId, Comment comment, FoiAssessment foi) {
    Instant receivedAt = TriageRecords.foiReceivedAt(foi, Instant.now());
    long number = handle.createQuery("SELECT nextval('foi_reference_seq')").mapTo(Long.class).one();
    String reference = TriageRecords.foiReference(receivedAt, number);
    handle
        .createUpdate(
            """
            INSERT INTO foi_case (reference, comment_id, received_at, due_date, requester_name,
                                  real_name_discernible, address_present, description_present)
            VALUES (:reference, :commentId, :receivedAt, :dueDate, :requesterName,
                    :realName, :address, :description)
            """)
        .bind("reference", reference)
        .bind("commentId", commentId)
        .bindByType("receivedAt", utc(receivedAt), OffsetDateTime.class)
        .bindByType("dueDate", foi.dueDate(), LocalDate.class)
        .bind("requesterName", clean(foi.requesterName()))
        .bind("realName", foi.realNameDiscernible())
        .bind("address", foi.addressForCorrespondence())
        .bind("description", foi.describesInformation())
        .execute();
    return reference;
  }

  private void insertMediaEnquiry(long commentId, MediaEnquiry media) {
    handle
        .createUpdate(
            """
            INSERT INTO media_enquiry (comment_id, outlet, journalist, nature, deadline_text,
                                       deadline)
            VALUES (:commentId, :outlet, :journalist, :nature, :deadlineText, :deadline)
            """)
        .bind("commentId", commentId)
        .bind("outlet", clean(media.outlet()))
        .bind("journalist", clean(media.journalist()))
        .bind("nature", clean(media.nature()))
        .bind("deadlineText", clean(media.deadlineText()))
        .bindByType("deadline", utc(media.deadline()), OffsetDateTime.class)
        .execute();
  }

  private void queueEmails(
      String accountId,
      Comment comment,
      Classification classification,
      Decision decision,
      long itemId,
      String foiReference) {
    for (PendingEmail email :
        TriageRecords.emails(accountId, comment, classification, decision, itemId, foiReference)) {
      handle
          .createUpdate(
              """
              INSERT INTO outbox (kind, destination, idempotency_key, payload)
              VALUES ('email', :destination, :key, CAST(:payload AS jsonb))
              ON CONFLICT (idempotency_key) DO NOTHING
              """)
          .bind("destination", email.destination())
          .bind("key", email.idempotencyKey())
          .bind("payload", json.object(email.payload()))
          .execute();
    }
  }

  private void recordAuthor(Comment comment, Classification classification) {
    Author author = comment.author();
    if (author.historyKey() == null) {
      return;
    }
    handle
        .createUpdate(
            """
            INSERT INTO author (platform, author_key, handle, display_name, comment_count,
                                negative_count, offensive_count, first_seen, last_seen)
            VALUES (:platform, :authorKey, :handle, :name, 1, :negative, :offensive, :at, :at)
            ON CONFLICT (platform, author_key) DO UPDATE SET
                handle          = coalesce(excluded.handle, author.handle),
                display_name    = coalesce(excluded.display_name, author.display_name),
                comment_count   = author.comment_count + 1,
                negative_count  = author.negative_count + excluded.negative_count,
                offensive_count = author.offensive_count + excluded.offensive_count,
                first_seen      = least(author.first_seen, excluded.first_seen),
                last_seen       = greatest(author.last_seen, excluded.last_seen)
            """)
        .bind("platform", clean(comment.platform()))
        .bind("authorKey", clean(author.historyKey()))
        .bind("handle", clean(author.handle()))
        .bind("name", clean(author.name()))
        .bind("negative", classification.has(Label.NEGATIVE) ? 1 : 0)
        .bind("offensive", classification.has(Label.OFFENSIVE) ? 1 : 0)
        .bindByType(
            "at",
            utc(comment.createdAt() != null ? comment.createdAt() : Instant.now()),
            OffsetDateTime.class)
        .execute();
  }

  private void audit(
      long itemId,
      long commentId,
      Comment comment,
      Classification classification,
      Decision decision) {
    Map<String, Object> detail =
        TriageRecords.auditDetail(commentId, comment, classification, decision);
    handle
        .createUpdate(
            """
            INSERT INTO audit_log (actor, action, entity, entity_id, detail)
            VALUES ('bot', 'triage_item.created', 'triage_item', :entityId, CAST(:detail AS jsonb))
            """)
        .bind("entityId", Long.toString(itemId))
        .bind("detail", json.object(detail))
        .execute();
  }
}
