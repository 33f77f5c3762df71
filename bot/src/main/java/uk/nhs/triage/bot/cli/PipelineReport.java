package uk.nhs.triage.bot.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import uk.nhs.triage.bot.bench.PipelineTimings;
import uk.nhs.triage.bot.store.Database;

/** Prints the figures of a bench-pipeline run, ready to paste into docs/performance.md. */
final class PipelineReport {
  private final PrintWriter out;

  PipelineReport(PrintWriter out) {
    this.out = out;
  }

  void print(
      Database database,
      int comments,
      int authors,
      int pageSize,
      double seconds,
      double processCpuSeconds,
      OptionalDouble databaseCpuSeconds,
      PipelineTimings backfill,
      int rounds,
      int perRound,
      PipelineTimings polling,
      long feedBytes) {
    String server =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT split_part(version(), ' on ', 1) || ', synchronous_commit '"
                                + " || current_setting('synchronous_commit') || ', fsync '"
                                + " || current_setting('fsync')")
                        .mapTo(String.class)
                        .one());
    line("Pipeline end to end (adapter, classifier, router, store into PostgreSQL)");
    line("machine: %s", BenchPipelineCommand.machine());
    line("database: %s", server);
    line(
        "backfill: %,d comments (%,.1f MB replay file), %,d authors, page size %,d",
        comments, feedBytes / 1e6, authors, pageSize);
    line("");
    line(
        "backfill            %,10.0f comments/s  (%,d stored in %.1f s)",
        backfill.comments() / seconds, backfill.stored(), seconds);
    line("  read + parse      %8.1f s wall", backfill.readSeconds());
    line(
        "  classify + route  %8.1f s wall  %8.1f s CPU  (%,.0f comments per CPU-second)",
        backfill.triageSeconds(),
        backfill.triageCpuSeconds(),
        backfill.comments() / backfill.triageCpuSeconds());
    line(
        "  prepare rows      %8.1f s wall  %8.1f s CPU  (ids, COPY rows; on a third thread)",
        backfill.prepareSeconds(), backfill.prepareCpuSeconds());
    line(
        "  store (commit)    %8.1f s wall  %8.1f s CPU in the bot's storing thread",
        backfill.storeSeconds(), backfill.storeCpuSeconds());
    line(
        "  (the next pages are classified and prepared while one is stored: the stages overlap; the bot process"
            + " used %.1f s of CPU in all, %.0f µs a comment)",
        processCpuSeconds, 1e6 * processCpuSeconds / Math.max(1, backfill.comments()));
    if (databaseCpuSeconds.isPresent()) {
      line(
          "  database server: %.1f s of CPU, %.0f µs a comment (all PostgreSQL processes, from"
              + " /proc, autovacuum included)",
          databaseCpuSeconds.getAsDouble(),
          1e6 * databaseCpuSeconds.getAsDouble() / Math.max(1, backfill.comments()));
    } else {
      line("  database server: CPU not readable (the server's processes are not on this machine)");
    }
    line(
        "  fetch -> triage item: median %,.0f ms, p99 %,.0f ms (a whole page waits for its commit)",
        backfill.latencyMillis(0.5), backfill.latencyMillis(0.99));
    database
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        """
                        SELECT avg(pg_column_size(evidence)) AS evidence,
                               avg(pg_column_size(cl.*)) AS row,
                               avg((pg_column_compression(evidence) IS NOT NULL)::int) AS compressed
                          FROM classification cl
                        """)
                    .map(
                        (rs, ctx) -> {
                          line(
                              "  classification rows: %.0f bytes on average, evidence %.0f bytes"
                                  + " (as stored; %.0f%% of evidence values compressed)",
                              rs.getDouble("row"),
                              rs.getDouble("evidence"),
                              100 * rs.getDouble("compressed"));
                          return 0;
                        })
                    .one());
    line(
        "normal polling      %d rounds of %d new comments: fetch -> triage item median %.1f ms,"
            + " p99 %.1f ms",
        rounds, perRound, polling.latencyMillis(0.5), polling.latencyMillis(0.99));
    line(
        "  per round: read %.1f ms, classify + route %.1f ms, store %.1f ms (means)",
        1000 * polling.readSeconds() / rounds,
        1000 * polling.triageSeconds() / rounds,
        1000 * polling.storeSeconds() / rounds);
    out.flush();
  }

  private void line(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
  }
}
