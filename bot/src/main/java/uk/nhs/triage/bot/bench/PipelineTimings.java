package uk.nhs.triage.bot.bench;

import java.util.Arrays;
import uk.nhs.triage.bot.pipeline.PollListener;
import uk.nhs.triage.bot.store.SaveResult;

/**
 * Where a poll's time goes (reading and parsing pages, classifying and routing, storing) and, for
 * every comment, how long from its page being returned by the adapter to the commit of its batch.
 * Every comment of a page waits as long as its page, so latencies are kept per page with a count.
 */
public final class PipelineTimings implements PollListener {
  private long readNanos;
  private long triageNanos;
  private long storeNanos;
  private long comments;
  private long stored;
  private long returnedAt;
  private long triagedAt;
  private long[] latencies = new long[1024];
  private int[] counts = new int[1024];
  private int pages;
  private final Progress progress;

  /** Told the running count of comments saved, after each page. */
  @FunctionalInterface
  public interface Progress {
    void saved(long comments);
  }

  public PipelineTimings(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void pageFetched(int count, long askedAt, long returnedAt) {
    readNanos += returnedAt - askedAt;
    this.returnedAt = returnedAt;
  }

  @Override
  public void pageTriaged(long at) {
    triageNanos += at - returnedAt;
    triagedAt = at;
  }

  @Override
  public void pageSaved(SaveResult saved, long at) {
    storeNanos += at - triagedAt;
    comments += saved.received();
    stored += saved.stored();
    if (saved.received() > 0) {
      if (pages == latencies.length) {
        latencies = Arrays.copyOf(latencies, pages * 2);
        counts = Arrays.copyOf(counts, pages * 2);
      }
      latencies[pages] = at - returnedAt;
      counts[pages] = saved.received();
      pages++;
    }
    progress.saved(comments);
  }

  public double readSeconds() {
    return readNanos / 1e9;
  }

  public double triageSeconds() {
    return triageNanos / 1e9;
  }

  public double storeSeconds() {
    return storeNanos / 1e9;
  }

  public long comments() {
    return comments;
  }

  public long stored() {
    return stored;
  }

  /** The latency, in milliseconds, that a fraction {@code q} of comments waited at most. */
  public double latencyMillis(double q) {
    if (pages == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[pages];
    for (int i = 0; i < pages; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(latencies[a], latencies[b]));
    long rank = (long) Math.ceil(q * comments);
    long seen = 0;
    for (int i : order) {
      seen += counts[i];
      if (seen >= rank) {
        return latencies[i] / 1e6;
      }
    }
    return latencies[order[pages - 1]] / 1e6;
  }
}
