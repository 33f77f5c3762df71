package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.TriageRecords.names;
import static uk.nhs.triage.bot.store.TriageRecords.sortedQueues;
import static uk.nhs.triage.bot.store.TriageRecords.wireNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.store.TriageRecords.PendingEmail;

/**
 * Writes a whole batch of triaged comments inside the caller's transaction with one statement per
 * table, whatever the batch's size: the comments first ({@code ON CONFLICT DO NOTHING}), then, for
 * the new ones only, their classification, triage item, FOI case, media enquiry, outbox emails,
 * author history and audit rows. The rows are the ones {@link TriagedCommentWriter} would write
 * comment by comment.
 */
final class TriagedBatchWriter {

  private record Key(String platform, String externalId) {
    static Key of(Comment comment) {
      return new Key(
          PostgresText.clean(comment.platform()), PostgresText.clean(comment.externalId()));
    }
  }

  private final Handle handle;
  private final JsonColumns json;

  TriagedBatchWriter(Handle handle, JsonColumns json) {
    this.handle = handle;
    this.json = json;
  }

  /**
   * @return how many comments were new and stored; the rest (stored before, or a repeat within the
   *     batch) were left as they were
   */
  int write(String accountId, List<TriagedComment> batch) {
    // A repeat within the batch is a duplicate of its first occurrence, as it would be one by one.
    Map<Key, TriagedComment> firsts = new LinkedHashMap<>();
    for (TriagedComment triaged : batch) {
      firsts.putIfAbsent(Key.of(triaged.comment()), triaged);
    }
    List<NewComment> fresh = insertComments(accountId, new ArrayList<>(firsts.values()));
    if (fresh.isEmpty()) {
      return 0;
    }
    insertClassifications(fresh);
    insertTriageItems(fresh);
    CaseRows cases = new CaseRows(handle);
    cases.insertFoiCases(fresh);
    cases.insertMediaEnquiries(fresh);
    queueEmails(accountId, fresh);
    AuthorTallies authors = new AuthorTallies();
    fresh.forEach(n -> authors.add(n.comment(), n.triaged.classification()));
    authors.upsert(handle);
    audit(fresh);
    return fresh.size();
  }

  private List<NewComment> insertComments(String accountId, List<TriagedComment> rows) {
    Map<Key, Long> ids = new HashMap<>();
    handle
        .createQuery(
            """
            INSERT INTO comment (platform, external_id, account_id, author_key, author_handle,
                                 author_name, text, created_at, url, in_reply_to, raw_payload)
            SELECT platform, external_id, :accountId, author_key, author_handle, author_name,
                   text, created_at, url, in_reply_to, raw_payload
              FROM unnest(:platform, :externalId, :authorKey, :authorHandle, :authorName, :text,
                          CAST(:createdAt AS timestamptz[]), :url, :inReplyTo, :rawPayload)
                   WITH ORDINALITY
                   AS u(platform, external_id, author_key, author_handle, author_name, text,
                        created_at, url, in_reply_to, raw_payload, n)
             ORDER BY n
            ON CONFLICT (platform, external_id) DO NOTHING
            RETURNING id, platform, external_id
            """)
        .bind("accountId", accountId)
        .bindArray("platform", String.class, Columns.text(rows, t -> t.comment().platform()))
        .bindArray("externalId", String.class, Columns.text(rows, t -> t.comment().externalId()))
        .bindArray(
            "authorKey", String.class, Columns.text(rows, t -> t.comment().author().historyKey()))
        .bindArray(
            "authorHandle", String.class, Columns.text(rows, t -> t.comment().author().handle()))
        .bindArray("authorName", String.class, Columns.text(rows, t -> t.comment().author().name()))
        .bindArray("text", String.class, Columns.text(rows, t -> t.comment().text()))
        .bindArray("createdAt", String.class, Columns.instants(rows, t -> t.comment().createdAt()))
        .bindArray("url", String.class, Columns.text(rows, t -> t.comment().url()))
        .bindArray("inReplyTo", String.class, Columns.text(rows, t -> t.comment().inReplyToId()))
        .bindArray("rawPayload", String.class, Columns.text(rows, t -> t.comment().rawPayload()))
        .map(
            (rs, ctx) ->
                Map.entry(
                    new Key(rs.getString("platform"), rs.getString("external_id")),
                    rs.getLong("id")))
        .forEach(e -> ids.put(e.getKey(), e.getValue()));
    List<NewComment> fresh = new ArrayList<>(ids.size());
    for (TriagedComment triaged : rows) {
      Long id = ids.get(Key.of(triaged.comment()));
      if (id != null) {
        fresh.add(new NewComment(triaged, id));
      }
    }
    return fresh;
  }

  private void insertClassifications(List<NewComment> rows) {
    handle
        .createUpdate(
            """
            INSERT INTO classification (comment_id, labels, review_labels, scores, evidence,
                                        rules_version)
            SELECT id, CAST(labels AS text[]), CAST(review AS text[]), CAST(scores AS jsonb),
                   CAST(evidence AS jsonb), rules_version
              FROM unnest(:id, :labels, :review, :scores, :evidence, :rulesVersion)
                   AS u(id, labels, review, scores, evidence, rules_version)
            """)
        .bindArray("id", Long.class, rows.stream().map(n -> n.commentId).toList())
        .bindArray(
            "labels",
            String.class,
            Columns.arrays(rows, n -> wireNames(n.triaged.classification().labels())))
        .bindArray(
            "review",
            String.class,
            Columns.arrays(rows, n -> wireNames(n.triaged.classification().forReview())))
        .bindArray(
            "scores",
            String.class,
            rows.stream().map(n -> json.scores(n.triaged.classification())).toList())
        .bindArray(
            "evidence",
            String.class,
            rows.stream().map(n -> json.evidence(n.triaged.classification())).toList())
        .bindArray(
            "rulesVersion",
            String.class,
            Columns.text(rows, n -> n.triaged.classification().rulesVersion()))
        .execute();
  }

  private void insertTriageItems(List<NewComment> rows) {
    Map<Long, Long> items = new HashMap<>();
    handle
        .createQuery(
            """
            INSERT INTO triage_item (comment_id, queues, actions, priority, due_by,
                                     reply_template, reply_draft, decision)
            SELECT id, CAST(queues AS text[]), CAST(actions AS text[]),
                   CAST(priority AS triage_priority), CAST(due_by AS timestamptz),
                   reply_template, reply_draft, CAST(decision AS jsonb)
              FROM unnest(:id, :queues, :actions, :priority, :dueBy, :replyTemplate,
                          :replyDraft, :decision) WITH ORDINALITY
                   AS u(id, queues, actions, priority, due_by, reply_template, reply_draft,
                        decision, n)
             ORDER BY n
            RETURNING id, comment_id
            """)
        .bindArray("id", Long.class, rows.stream().map(n -> n.commentId).toList())
        .bindArray("queues", String.class, Columns.arrays(rows, n -> sortedQueues(n.decision())))
        .bindArray(
            "actions", String.class, Columns.arrays(rows, n -> names(n.decision().actions())))
        .bindArray(
            "priority", String.class, Columns.text(rows, n -> n.decision().priority().name()))
        .bindArray("dueBy", String.class, Columns.instants(rows, n -> n.decision().dueBy()))
        .bindArray(
            "replyTemplate", String.class, Columns.text(rows, n -> n.decision().replyTemplate()))
        .bindArray("replyDraft", String.class, Columns.text(rows, n -> n.decision().replyDraft()))
        .bindArray(
            "decision", String.class, rows.stream().map(n -> json.write(n.decision())).toList())
        .map((rs, ctx) -> Map.entry(rs.getLong("comment_id"), rs.getLong("id")))
        .forEach(e -> items.put(e.getKey(), e.getValue()));
    rows.forEach(n -> n.itemId = items.get(n.commentId));
  }

  private void queueEmails(String accountId, List<NewComment> rows) {
    // Keyed, so that two comments that would share an idempotency key queue one email, as the
    // second insert one by one would have done nothing.
    Map<String, PendingEmail> emails = new LinkedHashMap<>();
    for (NewComment n : rows) {
      for (PendingEmail email :
          TriageRecords.emails(
              accountId,
              n.comment(),
              n.triaged.classification(),
              n.decision(),
              n.itemId,
              n.foiReference)) {
        emails.putIfAbsent(email.idempotencyKey(), email);
      }
    }
    if (emails.isEmpty()) {
      return;
    }
    List<PendingEmail> list = new ArrayList<>(emails.values());
    handle
        .createUpdate(
            """
            INSERT INTO outbox (kind, destination, idempotency_key, payload)
            SELECT 'email', destination, idempotency_key, CAST(payload AS jsonb)
              FROM unnest(:destination, :key, :payload) WITH ORDINALITY
                   AS u(destination, idempotency_key, payload, n)
             ORDER BY n
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .bindArray(
            "destination", String.class, list.stream().map(PendingEmail::destination).toList())
        .bindArray("key", String.class, list.stream().map(PendingEmail::idempotencyKey).toList())
        .bindArray(
            "payload", String.class, list.stream().map(e -> json.write(e.payload())).toList())
        .execute();
  }

  private void audit(List<NewComment> rows) {
    handle
        .createUpdate(
            """
            INSERT INTO audit_log (actor, action, entity, entity_id, detail)
            SELECT 'bot', 'triage_item.created', 'triage_item', entity_id, CAST(detail AS jsonb)
              FROM unnest(:entityId, :detail) WITH ORDINALITY AS u(entity_id, detail, n)
             ORDER BY n
            """)
        .bindArray(
            "entityId", String.class, rows.stream().map(n -> Long.toString(n.itemId)).toList())
        .bindArray(
            "detail",
            String.class,
            rows.stream()
                .map(
                    n ->
                        json.write(
                            TriageRecords.auditDetail(
                                n.commentId,
                                n.comment(),
                                n.triaged.classification(),
                                n.decision())))
                .toList())
        .execute();
  }
}
