package uk.nhs.triage.bot.config;

import java.time.Duration;

/**
 * How the outbox sender works through emails, replies and hides ({@code outbox:} in the config
 * file).
 *
 * @param interval how often the service runs the sender
 * @param maxAttempts after this many failed attempts an entry is marked failed and left for a
 *     person to look at
 * @param firstRetry the wait after the first failure; each further failure doubles it
 * @param maxRetry the longest wait between attempts
 * @param lease how long a claimed entry is kept from other senders; a sender that dies mid-send
 *     leaves it to be tried again after this
 */
public record OutboxSettings(
    Duration interval, int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease) {

  public static final OutboxSettings DEFAULTS =
      new OutboxSettings(
          Duration.ofMinutes(1),
          10,
          Duration.ofMinutes(1),
          Duration.ofHours(1),
          Duration.ofMinutes(10));
}
