package uk.nhs.triage.bot.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value recomputed at most once per period, for figures every page shows (queue counts) that need
 * not be fresher than a few seconds while fifty people refresh at once.
 *
 * <p>Only the first request waits for the value. Once it is older than the period, the request that
 * notices starts one recomputation in the background and every request goes on with the value it
 * has: a count over 100,000 items takes a few hundred milliseconds on a busy machine, and fifty
 * requests queued behind it were the slowest of the load test.
 */
public final class ShortLived<T> implements Supplier<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ShortLived.class);

  private final Supplier<T> source;
  private final long periodNanos;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Computed<T> current;

  private record Computed<T>(T value, long at) {}

  public ShortLived(Supplier<T> source, Duration period) {
    this.source = source;
    this.periodNanos = period.toNanos();
  }

  @Override
  public T get() {
    Computed<T> seen = current;
    if (seen == null) {
      return first();
    }
    if (System.nanoTime() - seen.at() >= periodNanos && refreshing.compareAndSet(false, true)) {
      Thread.ofVirtual().name("short-lived-refresh").start(this::refresh);
    }
    return seen.value();
  }

  private synchronized T first() {
    if (current == null) {
      current = new Computed<>(source.get(), System.nanoTime());
    }
    return current.value();
  }

  private void refresh() {
    try {
      current = new Computed<>(source.get(), System.nanoTime());
    } catch (RuntimeException e) {
      // The page goes on with the last value; the next request after the period tries again.
      LOG.warn("Could not refresh a cached figure: {}", e.toString());
    } finally {
      refreshing.set(false);
    }
  }
}
