package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.TriageRecords.names;
import static uk.nhs.triage.bot.store.TriageRecords.sortedQueues;
import static uk.nhs.triage.bot.store.TriageRecords.wireNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.store.TriageRecords.PendingEmail;
import uk.nhs.triage.classifier.Classification;

/**
 * Writes a whole batch of triaged comments inside the caller's transaction in a few round trips,
 * whatever the batch's size: one query finds the comments stored before, one reserves the new ones'
 * comment and triage item ids, then COPY sends the comments, classifications, triage items, outbox
 * emails and audit rows straight into their tables ({@link CopyRows}); FOI cases, media enquiries
 * and author history (few rows, or an upsert) go as one statement each. The rows are the ones
 * {@link TriagedCommentWriter} would write comment by comment. Should another process store one of
 * the comments in between, COPY fails on the unique key and the caller falls back to writing the
 * batch one by one, which skips it.
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
    List<TriagedComment> unseen = notStoredYet(new ArrayList<>(firsts.values()));
    if (unseen.isEmpty()) {
      return 0;
    }
    List<NewComment> fresh = withIds(unseen);
    copyComments(accountId, fresh);
    copyClassifications(fresh);
    copyTriageItems(fresh);
    CaseRows cases = new CaseRows(handle);
    cases.insertFoiCases(fresh);
    cases.insertMediaEnquiries(fresh);
    copyEmails(accountId, fresh);
    AuthorTallies authors = new AuthorTallies();
    fresh.forEach(n -> authors.add(n.comment(), n.triaged.classification()));
    authors.upsert(handle);
    copyAudit(fresh);
    return fresh.size();
  }

  private List<TriagedComment> notStoredYet(List<TriagedComment> rows) {
    Set<Long> stored =
        new HashSet<>(
            handle
                .createQuery(
                    """
                    SELECT u.n
                      FROM unnest(:platform, :externalId) WITH ORDINALITY
                           AS u(platform, external_id, n)
                     WHERE EXISTS (SELECT 1 FROM comment c
                                    WHERE c.platform = u.platform
                                      AND c.external_id = u.external_id)
                    """)
                .bindArray(
                    "platform", String.class, Columns.text(rows, t -> t.comment().platform()))
                .bindArray(
                    "externalId", String.class, Columns.text(rows, t -> t.comment().externalId()))
                .mapTo(Long.class)
                .list());
    if (stored.isEmpty()) {
      return rows;
    }
    List<TriagedComment> unseen = new ArrayList<>(rows.size() - stored.size());
    for (int i = 0; i < rows.size(); i++) {
      if (!stored.contains(i + 1L)) {
        unseen.add(rows.get(i));
      }
    }
    return unseen;
  }

  /** Reserves each new comment's id and its triage item's id, in batch order. */
  private List<NewComment> withIds(List<TriagedComment> rows) {
    List<NewComment> fresh = new ArrayList<>(rows.size());
    handle
        .createQuery(
            """
            SELECT nextval('comment_id_seq') AS comment_id,
                   nextval('triage_item_id_seq') AS item_id
              FROM generate_series(1, :count)
             ORDER BY comment_id
            """)
        .bind("count", rows.size())
        .map((rs, ctx) -> new long[] {rs.getLong("comment_id"), rs.getLong("item_id")})
        .forEach(
            ids -> {
              NewComment n = new NewComment(rows.get(fresh.size()), ids[0]);
              n.itemId = ids[1];
              fresh.add(n);
            });
    return fresh;
  }

  private void copyComments(String accountId, List<NewComment> rows) {
    CopyRows copy =
        new CopyRows(
            """
            comment (id, platform, external_id, account_id, author_key, author_handle, author_name,
                     text, created_at, url, in_reply_to, raw_payload)""");
    for (NewComment n : rows) {
      Comment c = n.comment();
      copy.number(n.commentId)
          .text(c.platform())
          .text(c.externalId())
          .text(accountId)
          .text(c.author().historyKey())
          .text(c.author().handle())
          .text(c.author().name())
          .text(c.text())
          .instant(c.createdAt())
          .text(c.url())
          .text(c.inReplyToId())
          .text(c.rawPayload())
          .endRow();
    }
    copy.copyInto(handle);
  }

  private void copyClassifications(List<NewComment> rows) {
    Set<RuleLines.Key> stored =
        RuleLines.store(handle, rows.stream().map(n -> n.triaged.classification()).toList());
    CopyRows copy =
        new CopyRows(
            "classification (comment_id, labels, review_labels, scores, evidence, rules_version)");
    for (NewComment n : rows) {
      Classification c = n.triaged.classification();
      copy.number(n.commentId)
          .array(wireNames(c.labels()))
          .array(wireNames(c.forReview()))
          .text(json.scores(c))
          .text(json.evidence(c, stored))
          .text(c.rulesVersion())
          .endRow();
    }
    copy.copyInto(handle);
  }

  private void copyTriageItems(List<NewComment> rows) {
    CopyRows copy =
        new CopyRows(
            """
            triage_item (id, comment_id, queues, actions, priority, due_by, reply_template,
                         reply_draft, decision)""");
    for (NewComment n : rows) {
      Decision d = n.decision();
      copy.number(n.itemId)
          .number(n.commentId)
          .array(sortedQueues(d))
          .array(names(d.actions()))
          .text(d.priority().name())
          .instant(d.dueBy())
          .text(d.replyTemplate())
          .text(d.replyDraft())
          .text(json.write(d))
          .endRow();
    }
    copy.copyInto(handle);
  }

  private void copyEmails(String accountId, List<NewComment> rows) {
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
    CopyRows copy = new CopyRows("outbox (kind, destination, idempotency_key, payload)");
    for (PendingEmail email : emails.values()) {
      copy.text("email")
          .text(email.destination())
          .text(email.idempotencyKey())
          .text(json.write(email.payload()))
          .endRow();
    }
    copy.copyInto(handle);
  }

  private void copyAudit(List<NewComment> rows) {
    CopyRows copy = new CopyRows("audit_log (actor, action, entity, entity_id, detail)");
    for (NewComment n : rows) {
      copy.text("bot")
          .text("triage_item.created")
          .text("triage_item")
          .text(Long.toString(n.itemId))
          .text(
              json.write(
                  TriageRecords.auditDetail(
                      n.commentId, n.comment(), n.triaged.classification(), n.decision())))
          .endRow();
    }
    copy.copyInto(handle);
  }
}
