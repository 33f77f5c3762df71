package uk.nhs.triage.bot.store;

import java.time.Instant;
import java.time.LocalDate;

/** An FOI case as the FOI team's list shows it. */
public record FoiCaseView(
    String reference,
    long commentId,
    String platform,
    String externalId,
    String text,
    Instant receivedAt,
    LocalDate dueDate,
    String requesterName,
    boolean realNameDiscernible,
    boolean addressPresent,
    boolean descriptionPresent,
    String status) {}
