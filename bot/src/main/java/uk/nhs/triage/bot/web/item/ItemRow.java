package uk.nhs.triage.bot.web.item;

import java.time.Instant;
import java.util.List;

/** One line of the queue page. */
public record ItemRow(
    long id,
    String platform,
    String accountId,
    String authorHandle,
    String text,
    List<String> labels,
    List<String> queues,
    String priority,
    Instant dueBy,
    String status,
    String assignee,
    boolean overdue) {}
