package uk.nhs.triage.bot.store;

import uk.nhs.triage.bot.routing.Queue;

/** How many triage items in a queue are still open (not done or dismissed). */
public record QueueCount(Queue queue, int openItems) {}
