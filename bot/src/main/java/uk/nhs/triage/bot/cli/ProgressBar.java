package uk.nhs.triage.bot.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar with rate and time left, redrawn on stderr at most a few times a second.
 * Silent when the total is unknown or small.
 */
public final class ProgressBar {
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String task;
  private final long total;
  private final long started = System.nanoTime();
  private long lastDrawn;

  public ProgressBar(PrintWriter err, String task, long total) {
    this.err = err;
    this.task = task;
    this.total = total;
  }

  /** Call as often as you like; it redraws only when enough time has passed. */
  public void update(long done) {
    long now = System.nanoTime();
    if (now - lastDrawn < REDRAW_NANOS || total <= 0) {
      return;
    }
    lastDrawn = now;
    draw(done, now);
  }

  /** Draws the final state and ends the line. */
  public void finish(long done) {
    if (total > 0) {
      draw(done, System.nanoTime());
      err.println();
      err.flush();
    }
  }

  private void draw(long done, long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = done / seconds;
    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    long left = rate > 0 && total > done ? Math.round((total - done) / rate) : 0;
    err.printf(
        Locale.ROOT,
        "\r%s [%s%s] %5.1f%% %,d/%,d  %,.0f/s  %d:%02d left ",
        task,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        fraction * 100,
        done,
        total,
        rate,
        left / 60,
        left % 60);
    err.flush();
  }
}
