package uk.nhs.triage.adapters;

import java.time.Instant;
import java.util.Objects;

/**
 * Anything a member of the public posted to or at one of our accounts: one shape for every
 * platform.
 *
 * @param platform the platform's name as used in config, e.g. {@code x}, {@code facebook}
 * @param externalId the platform's id for the comment; unique together with the platform
 * @param accountId the id of our account (from config) it was fetched for
 * @param author who wrote it
 * @param text the plain text of the comment
 * @param createdAt when the platform says it was posted (may be null)
 * @param url a link to the comment on the platform (may be null)
 * @param inReplyToId the platform id of the post or comment it answers (may be null)
 * @param rawPayload the platform's JSON for this comment, as received
 */
public record Comment(
    String platform,
    String externalId,
    String accountId,
    Author author,
    String text,
    Instant createdAt,
    String url,
    String inReplyToId,
    String rawPayload) {
  public Comment {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(text, "text");
    author = author == null ? Author.UNKNOWN : author;
  }
}
