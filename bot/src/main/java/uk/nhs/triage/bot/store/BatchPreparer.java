package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.TriageRecords.names;
import static uk.nhs.triage.bot.store.TriageRecords.sortedQueues;
import static uk.nhs.triage.bot.store.TriageRecords.wireNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.store.TriageRecords.PendingEmail;
import uk.nhs.triage.classifier.Classification;

/**
 * Makes a {@link PreparedBatch}, on the thread that classified it, before the transaction that
 * stores it: finds the comments not stored yet, reserves their ids, stores the rule lines their
 * evidence names and renders every row they add as COPY rows (binary), table by table, in the order
 * {@link TriagedBatchWriter} sends them. The rows are the ones {@link TriagedCommentWriter} would
 * write comment by comment.
 */
final class BatchPreparer {

  /**
   * Rows go in COPY's binary format: the server has no text to parse (COPY's escapes, array
   * literals, timestamps), and the rows need no escaping here.
   */
  static final boolean BINARY = true;

  private final Handle handle;
  private final JsonColumns json;
  private final KnownRuleLines knownRules;
  private final JsonChars scratch = new JsonChars();

  /**
   * {@code handle} is used outside any transaction of the batch's: every query stands alone; {@code
   * knownRules} are the rule lines known to be stored, shared by the store's batches.
   */
  BatchPreparer(Handle handle, JsonColumns json, KnownRuleLines knownRules) {
    this.handle = handle;
    this.json = json;
    this.knownRules = knownRules;
  }

  PreparedBatch prepare(String accountId, List<TriagedComment> batch) {
    List<TriagedComment> unseen =
        TriagedBatchWriter.notStoredYet(handle, TriagedBatchWriter.firsts(batch));
    List<NewComment> fresh = withIds(unseen);
    if (fresh.isEmpty()) {
      return new PreparedBatch(accountId, batch, fresh, List.of());
    }
    // Committed on their own: a rule line is configuration, the same whatever becomes of the batch.
    Set<RuleLines.Key> stored =
        RuleLines.store(
            handle, fresh.stream().map(n -> n.triaged.classification()).toList(), knownRules);
    return new PreparedBatch(accountId, batch, fresh, tables(accountId, fresh, stored, BINARY));
  }

  /**
   * Every row {@code fresh} adds, table by table, in COPY's binary format or (not {@code binary})
   * its text format: the same values either way (BinaryCopyTest).
   */
  List<PreparedTable> tables(
      String accountId, List<NewComment> fresh, Set<RuleLines.Key> stored, boolean binary) {
    int n = fresh.size();
    PreparedTable.Builder comments =
        new PreparedTable.Builder(
            """
            comment (id, platform, external_id, account_id, author_key, author_handle, author_name,
                     text, created_at, url, in_reply_to, raw_payload)""",
            n,
            512,
            binary);
    PreparedTable.Builder classifications =
        new PreparedTable.Builder(
            "classification (comment_id, labels, review_labels, scores, evidence, rules_version)",
            n,
            640,
            binary);
    PreparedTable.Builder items =
        new PreparedTable.Builder(
            """
            triage_item (id, comment_id, queues, actions, priority, due_by, reply_template,
                         reply_draft, decision)""",
            n,
            1024,
            binary);
    PreparedTable.Builder foiCases =
        new PreparedTable.Builder(
            """
            foi_case (reference, comment_id, received_at, due_date, requester_name,
                      real_name_discernible, address_present, description_present)""",
            n,
            24,
            binary);
    PreparedTable.Builder media =
        new PreparedTable.Builder(
            "media_enquiry (comment_id, outlet, journalist, nature, deadline_text, deadline)",
            n,
            32,
            binary);
    PreparedTable.Builder emails =
        new PreparedTable.Builder(
            "outbox (kind, destination, idempotency_key, payload)", n, 1024, binary);
    PreparedTable.Builder audit =
        new PreparedTable.Builder(
            "audit_log (actor, action, entity, entity_id, detail)", n, 640, binary);
    // Two comments that would share an idempotency key queue one email, as the second insert one
    // by one would have done nothing.
    Set<String> emailKeys = new HashSet<>();
    List<PreparedTable.Builder> tables =
        List.of(comments, classifications, items, foiCases, media, emails, audit);
    for (NewComment row : fresh) {
      comment(accountId, row, comments.rows());
      classification(row, stored, classifications.rows());
      triageItem(row, items.rows());
      foiCase(row, foiCases.rows());
      mediaEnquiry(row, media.rows());
      emails(accountId, row, emailKeys, emails.rows());
      audit(row, audit.rows());
      tables.forEach(PreparedTable.Builder::commentDone);
    }
    return tables.stream().map(PreparedTable.Builder::build).toList();
  }

  /**
   * Reserves each new comment's id and its triage item's id, in batch order, and the FOI cases'
   * reference numbers.
   */
  private List<NewComment> withIds(List<TriagedComment> rows) {
    List<NewComment> fresh = new ArrayList<>(rows.size());
    if (rows.isEmpty()) {
      return fresh;
    }
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
    List<NewComment> foi = fresh.stream().filter(n -> n.decision().foi() != null).toList();
    if (!foi.isEmpty()) {
      List<Long> numbers =
          handle
              .createQuery(
                  "SELECT nextval('foi_reference_seq') AS n FROM generate_series(1, :count)"
                      + " ORDER BY n")
              .bind("count", foi.size())
              .mapTo(Long.class)
              .list();
      Instant now = Instant.now();
      for (int i = 0; i < foi.size(); i++) {
        NewComment n = foi.get(i);
        n.foiReceivedAt = TriageRecords.foiReceivedAt(n.decision().foi(), now);
        n.foiReference = TriageRecords.foiReference(n.foiReceivedAt, numbers.get(i));
      }
    }
    return fresh;
  }

  private static void comment(String accountId, NewComment n, CopyRows copy) {
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

  private void classification(NewComment n, Set<RuleLines.Key> stored, CopyRows copy) {
    Classification c = n.triaged.classification();
    copy.number(n.commentId)
        .array(wireNames(c.labels()))
        .array(wireNames(c.forReview()))
        .json(json.scoresInto(c, scratch))
        .json(json.evidenceInto(c, stored, scratch))
        .text(c.rulesVersion())
        .endRow();
  }

  private void triageItem(NewComment n, CopyRows copy) {
    Decision d = n.decision();
    copy.number(n.itemId)
        .number(n.commentId)
        .array(sortedQueues(d))
        .array(names(d.actions()))
        .text(d.priority().name())
        .instant(d.dueBy())
        .text(d.replyTemplate())
        .text(d.replyDraft())
        .json(json.decisionInto(d, scratch))
        .endRow();
  }

  private static void foiCase(NewComment n, CopyRows copy) {
    FoiAssessment foi = n.decision().foi();
    if (foi == null) {
      return;
    }
    copy.text(n.foiReference)
        .number(n.commentId)
        .instant(n.foiReceivedAt)
        .date(foi.dueDate())
        .text(foi.requesterName())
        .bool(foi.realNameDiscernible())
        .bool(foi.addressForCorrespondence())
        .bool(foi.describesInformation())
        .endRow();
  }

  private static void mediaEnquiry(NewComment n, CopyRows copy) {
    MediaEnquiry m = n.decision().media();
    if (m == null) {
      return;
    }
    copy.number(n.commentId)
        .text(m.outlet())
        .text(m.journalist())
        .text(m.nature())
        .text(m.deadlineText())
        .instant(m.deadline())
        .endRow();
  }

  private void emails(String accountId, NewComment n, Set<String> keys, CopyRows copy) {
    for (PendingEmail email :
        TriageRecords.emails(
            accountId,
            n.comment(),
            n.triaged.classification(),
            n.decision(),
            n.itemId,
            n.foiReference)) {
      if (keys.add(email.idempotencyKey())) {
        copy.text("email")
            .text(email.destination())
            .text(email.idempotencyKey())
            .json(json.objectInto(email.payload(), scratch))
            .endRow();
      }
    }
  }

  private void audit(NewComment n, CopyRows copy) {
    copy.text("bot")
        .text("triage_item.created")
        .text("triage_item")
        .text(Long.toString(n.itemId))
        .json(
            json.objectInto(
                TriageRecords.auditDetail(
                    n.commentId, n.comment(), n.triaged.classification(), n.decision()),
                scratch))
        .endRow();
  }
}
