package uk.nhs.triage.bot.store;

import java.time.Instant;

/** One line of the media log. */
public record MediaEnquiryView(
    long id,
    String platform,
    String externalId,
    String outlet,
    String journalist,
    String nature,
    String deadlineText,
    Instant deadline,
    String status,
    Instant loggedAt) {}
