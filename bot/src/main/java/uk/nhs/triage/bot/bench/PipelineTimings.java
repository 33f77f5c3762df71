package uk.nhs.triage.bot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import uk.nhs.triage.bot.pipeline.PollListener;
import uk.nhs.triage.bot.store.SaveResult;

/**
 * Where a poll's time goes (reading and parsing pages, classifying and routing, storing; wall clock
 * and, for classifying and storing, the threads' CPU time) and, for every comment, how long from
 * its page being returned by the adapter to the commit of its batch. Every comment of a page waits
 * as long as its page, so latencies are kept per page with a count.
 */
public final class PipelineTimings implements PollListener {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private long readNanos;
  private long triageNanos;
  private long storeNanos;
  private long triageCpuNanos;
  private long prepareNanos;
  private long prepareCpuNanos;
  private long storeCpuNanos;
  private long comments;
  private long stored;
  private long[] latencies = new long[1024];
  private int[] counts = new int[1024];
  private int pages;
  private final Progress progress;
  // Kept per thread: pages are fetched and classified on one thread and stored on another.
  private final ThreadLocal<long[]> marks = ThreadLocal.withInitial(() -> new long[2]);

  /** Told the running count of comments saved, after each page. */
  @FunctionalInterface
  public interface Progress {
    void saved(long comments);
  }

  public PipelineTimings(Progress progress) {
    this.progress = progress;
  }

  @Override
  public synchronized void pageFetched(int count, long askedAt, long returnedAt) {
    readNanos += returnedAt - askedAt;
    long[] mark = marks.get();
    mark[0] = returnedAt;
    mark[1] = THREADS.getCurrentThreadCpuTime();
  }

  @Override
  public synchronized void pageTriaged(long at) {
    long[] mark = marks.get();
    triageNanos += at - mark[0];
    triageCpuNanos += THREADS.getCurrentThreadCpuTime() - mark[1];
  }

  @Override
  public synchronized void prepareStarted(long at) {
    long[] mark = marks.get();
    mark[0] = at;
    mark[1] = THREADS.getCurrentThreadCpuTime();
  }

  @Override
  public synchronized void pagePrepared(long at) {
    long[] mark = marks.get();
    prepareNanos += at - mark[0];
    prepareCpuNanos += THREADS.getCurrentThreadCpuTime() - mark[1];
  }

  @Override
  public synchronized void saveStarted(long at) {
    marks.get()[1] = THREADS.getCurrentThreadCpuTime();
  }

  @Override
  public synchronized void pageSaved(SaveResult saved, long returnedAt, long savingFrom, long at) {
    storeNanos += at - savingFrom;
    storeCpuNanos += THREADS.getCurrentThreadCpuTime() - marks.get()[1];
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

  /** Wall-clock time spent rendering pages' rows for the store, in seconds. */
  public synchronized double prepareSeconds() {
    return prepareNanos / 1e9;
  }

  /** CPU time of the thread that rendered pages' rows for the store, in seconds. */
  public synchronized double prepareCpuSeconds() {
    return prepareCpuNanos / 1e9;
  }

  /** CPU time of the threads that classified and routed, in seconds (time on a core). */
  public synchronized double triageCpuSeconds() {
    return triageCpuNanos / 1e9;
  }

  /** CPU time of the bot's thread that stored pages (not the database's), in seconds. */
  public synchronized double storeCpuSeconds() {
    return storeCpuNanos / 1e9;
  }

  public synchronized double readSeconds() {
    return readNanos / 1e9;
  }

  public synchronized double triageSeconds() {
    return triageNanos / 1e9;
  }

  public synchronized double storeSeconds() {
    return storeNanos / 1e9;
  }

  public synchronized long comments() {
    return comments;
  }

  public synchronized long stored() {
    return stored;
  }

  /** The latency, in milliseconds, that a fraction {@code q} of comments waited at most. */
  public synchronized double latencyMillis(double q) {
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
