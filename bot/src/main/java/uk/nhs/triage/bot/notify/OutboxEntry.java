package uk.nhs.triage.bot.notify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One side effect waiting in the outbox.
 *
 * @param id the outbox row's id
 * @param kind {@code email}, {@code reply} or {@code hide}
 * @param destination a queue name for an email ({@code MEDIA} for the media lead), an account id
 *     for a reply or hide
 * @param idempotencyKey the same for every attempt at the same effect
 * @param payload what to send, as the writer stored it
 * @param attempts failed attempts so far
 * @param deliveryRef the Message-ID of the digest this entry was put in before a send that may not
 *     have been recorded, else null
 */
public record OutboxEntry(
    long id,
    String kind,
    String destination,
    String idempotencyKey,
    JsonNode payload,
    int attempts,
    String deliveryRef) {

  public static final String EMAIL = "email";
  public static final String REPLY = "reply";
  public static final String HIDE = "hide";

  /** A payload field as text, or null when absent or JSON null. */
  public String text(String field) {
    JsonNode value = payload.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
