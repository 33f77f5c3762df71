package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.PostgresText.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Label;

/**
 * Writes one triaged comment and everything that follows from it (classification, triage item, FOI
 * case, media enquiry, outbox emails, author history, audit) inside the caller's transaction.
 */
final class TriagedCommentWriter {

  /** FOI references carry the year the request was received, in UK time. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** The outbox destination of emails to the media lead (a role, not a queue). */
  static final String MEDIA = "MEDIA";

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
        .bind("evidence", json.evidence(classification))
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
        .bindArray("queues", String.class, names(decision.queues().stream().sorted().toList()))
        .bindArray("actions", String.class, names(decision.actions()))
        .bind("priority", decision.priority().name())
        .bindByType("dueBy", utc(decision.dueBy()), OffsetDateTime.class)
        .bind("replyTemplate", clean(decision.replyTemplate()))
        .bind("replyDraft", clean(decision.replyDraft()))
        .bind("decision", json.write(decision))
        .mapTo(Long.class)
        .one();
  }

  private String insertFoiCase(long commentId, Comment comment, FoiAssessment foi) {
    Instant receivedAt = foi.receivedAt() != null ? foi.receivedAt() : Instant.now();
    long number = handle.createQuery("SELECT nextval('foi_reference_seq')").mapTo(Long.class).one();
    String reference = "FOI-%d-%06d".formatted(receivedAt.atZone(UK).getYear(), number);
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

  /**
   * One email per team other than comms, which works the items in the triage app itself; and one to
   * the media lead for a media enquiry, which must not wait for someone to open the app.
   */
  private void queueEmails(
      String accountId,
      Comment comment,
      Classification classification,
      Decision decision,
      long itemId,
      String foiReference) {
    for (Queue queue : decision.queues().stream().sorted().toList()) {
      if (queue == Queue.COMMS) {
        continue;
      }
      Map<String, Object> payload =
          emailPayload(queue.name(), accountId, comment, classification, decision, itemId);
      if (foiReference != null) {
        payload.put("foiReference", foiReference);
        payload.put("foiDueDate", decision.foi().dueDate());
        payload.put("foiMissingElements", decision.foi().missingElements());
      }
      queueEmail(queue.name(), comment, payload);
    }
    if (decision.media() != null) {
      Map<String, Object> payload =
          emailPayload(MEDIA, accountId, comment, classification, decision, itemId);
      payload.put("outlet", decision.media().outlet());
      payload.put("journalist", decision.media().journalist());
      payload.put("deadlineText", decision.media().deadlineText());
      payload.put("deadline", decision.media().deadline());
      queueEmail(MEDIA, comment, payload);
    }
  }

  private static Map<String, Object> emailPayload(
      String destination,
      String accountId,
      Comment comment,
      Classification classification,
      Decision decision,
      long itemId) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("queue", destination);
    payload.put("triageItemId", itemId);
    payload.put("account", accountId);
    payload.put("platform", comment.platform());
    payload.put("externalId", comment.externalId());
    payload.put("author", comment.author().handle());
    payload.put("authorName", comment.author().name());
    payload.put("postedAt", comment.createdAt());
    payload.put("text", comment.text());
    payload.put("link", comment.url());
    payload.put("labels", wireNames(classification.labels()));
    payload.put("reviewLabels", wireNames(classification.forReview()));
    payload.put("priority", decision.priority().name());
    payload.put("dueBy", decision.dueBy());
    payload.put("actions", names(decision.actions()));
    payload.put("reasons", decision.reasons());
    return payload;
  }

  private void queueEmail(String destination, Comment comment, Map<String, Object> payload) {
    handle
        .createUpdate(
            """
            INSERT INTO outbox (kind, destination, idempotency_key, payload)
            VALUES ('email', :destination, :key, CAST(:payload AS jsonb))
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .bind("destination", destination)
        .bind(
            "key",
            clean("email:" + destination + ":" + comment.platform() + ":" + comment.externalId()))
        .bind("payload", json.write(payload))
        .execute();
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
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("commentId", commentId);
    detail.put("platform", comment.platform());
    detail.put("externalId", comment.externalId());
    detail.put("labels", wireNames(classification.labels()));
    detail.put("rulesVersion", classification.rulesVersion());
    detail.put("queues", names(decision.queues().stream().sorted().toList()));
    detail.put("priority", decision.priority().name());
    detail.put("reasons", decision.reasons());
    handle
        .createUpdate(
            """
            INSERT INTO audit_log (actor, action, entity, entity_id, detail)
            VALUES ('bot', 'triage_item.created', 'triage_item', :entityId, CAST(:detail AS jsonb))
            """)
        .bind("entityId", Long.toString(itemId))
        .bind("detail", json.write(detail))
        .execute();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static List<String> wireNames(Collection<Label> labels) {
    return labels.stream().sorted().map(Label::wireName).toList();
  }

  private static List<String> names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toList();
  }
}
