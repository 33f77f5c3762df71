package uk.nhs.triage.bot.web;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value recomputed at most once per period, for figures every page shows (queue counts) that need
 * not be fresher than a few seconds while fifty people refresh at once.
 */
public final class ShortLived<T> implements Supplier<T> {
  private final Supplier<T> source;
  private final long periodNanos;
  private T value;
  private long computedAt;

  public ShortLived(Supplier<T> source, Duration period) {
    this.source = source;
    this.periodNanos = period.toNanos();
  }

  @Override
  public synchronized T get() {
    long now = System.nanoTime();
    if (value == null || now - computedAt >= periodNanos) {
      value = source.get();
      computedAt = now;
    }
    return value;
  }
}
