package uk.nhs.triage.bot.notify;

/**
 * One plain-text notification, ready for the mail server.
 *
 * @param to the team's address
 * @param subject one line
 * @param body plain text; comment text in it is quoted, never interpreted
 * @param urgent sent with {@code Importance: high} and {@code X-Priority: 1}
 * @param messageId the stable {@code Message-ID} (angle brackets included): the same for every
 *     attempt at the same notification, so the receiving end can drop a repeat
 */
public record Email(String to, String subject, String body, boolean urgent, String messageId) {}
