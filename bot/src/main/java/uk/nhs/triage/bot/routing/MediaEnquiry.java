package uk.nhs.triage.bot.routing;

import java.time.Instant;

/**
 * A press or journalist contact, as the media log records it. Never answered on social media.
 *
 * @param outlet the publication or broadcaster named, or null
 * @param journalist the journalist's name (from the author's display name or the text), or null
 * @param nature what they are asking about (the comment text, trimmed)
 * @param deadlineText the words in which the text states a deadline, or null
 * @param deadline that deadline as an instant, when it could be read, or null
 */
public record MediaEnquiry(
    String outlet, String journalist, String nature, String deadlineText, Instant deadline) {}
