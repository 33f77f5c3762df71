package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.PostgresText.clean;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Label;

/**
 * What a triaged comment's rows say, the same whether they are written one comment at a time or a
 * whole batch at once: the outbox emails, the audit detail, the FOI reference.
 */
final class TriageRecords {

  /** FOI references carry the year the request was received, in UK time. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** The outbox destination of emails to the media lead (a role, not a queue). */
  static final String MEDIA = "MEDIA";

  /** One email waiting in the outbox; the key makes a second write of it a no-op. */
  record PendingEmail(String destination, String idempotencyKey, Map<String, Object> payload) {}

  private TriageRecords() {}

  /** When an FOI request counts as received: as the router read it, else when it is stored. */
  static Instant foiReceivedAt(FoiAssessment foi, Instant storedAt) {
    return foi.receivedAt() != null ? foi.receivedAt() : storedAt;
  }

  static String foiReference(Instant receivedAt, long number) {
    return "FOI-%d-%06d".formatted(receivedAt.atZone(UK).getYear(), number);
  }

  /**
   * One email per team other than comms, which works the items in the triage app itself; and one to
   * the media lead for a media enquiry, which must not wait for someone to open the app.
   */
  static List<PendingEmail> emails(
      String accountId,
      Comment comment,
      Classification classification,
      Decision decision,
      long itemId,
      String foiReference) {
    List<PendingEmail> emails = new ArrayList<>();
    for (Enum<?> value : sorted(decision.queues())) {
      Queue queue = (Queue) value;
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
      emails.add(email(queue.name(), comment, payload));
    }
    if (decision.media() != null) {
      Map<String, Object> payload =
          emailPayload(MEDIA, accountId, comment, classification, decision, itemId);
      payload.put("outlet", decision.media().outlet());
      payload.put("journalist", decision.media().journalist());
      payload.put("deadlineText", decision.media().deadlineText());
      payload.put("deadline", decision.media().deadline());
      emails.add(email(MEDIA, comment, payload));
    }
    return emails;
  }

  private static PendingEmail email(
      String destination, Comment comment, Map<String, Object> payload) {
    return new PendingEmail(
        destination,
        clean("email:" + destination + ":" + comment.platform() + ":" + comment.externalId()),
        payload);
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

  /** What the audit log keeps about a triage item the bot created. */
  static Map<String, Object> auditDetail(
      long commentId, Comment comment, Classification classification, Decision decision) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("commentId", commentId);
    detail.put("platform", comment.platform());
    detail.put("externalId", comment.externalId());
    detail.put("labels", wireNames(classification.labels()));
    detail.put("rulesVersion", classification.rulesVersion());
    detail.put("queues", sortedQueues(decision));
    detail.put("priority", decision.priority().name());
    detail.put("reasons", decision.reasons());
    return detail;
  }

  static List<String> sortedQueues(Decision decision) {
    Enum<?>[] queues = sorted(decision.queues());
    String[] names = new String[queues.length];
    for (int i = 0; i < queues.length; i++) {
      names[i] = queues[i].name();
    }
    return List.of(names);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static List<String> wireNames(Collection<Label> labels) {
    Enum<?>[] sorted = sorted(labels);
    String[] names = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      names[i] = ((Label) sorted[i]).wireName();
    }
    return List.of(names);
  }

  static List<String> names(Collection<? extends Enum<?>> values) {
    String[] names = new String[values.size()];
    int i = 0;
    for (Enum<?> value : values) {
      names[i++] = value.name();
    }
    return List.of(names);
  }

  /**
   * The constants in their declared order (what sorting a stream of them gives), with no stream: a
   * backfill asks for these several times a comment.
   */
  private static Enum<?>[] sorted(Collection<? extends Enum<?>> values) {
    Enum<?>[] sorted = values.toArray(new Enum<?>[0]);
    Arrays.sort(sorted);
    return sorted;
  }
}
