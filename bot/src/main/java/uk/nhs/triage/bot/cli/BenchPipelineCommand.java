package uk.nhs.triage.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.bot.AccountAdapters;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.bench.CommentGenerator;
import uk.nhs.triage.bot.bench.DatabaseCpu;
import uk.nhs.triage.bot.bench.PipelineTimings;
import uk.nhs.triage.bot.bench.ReplayFeedWriter;
import uk.nhs.triage.bot.config.Account;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.evaluate.GoldCorpus;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.pipeline.PollCycle;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.store.TriageStore;

/**
 * The whole flow measured end to end: a replay account's backfill of generated comments through the
 * adapter, classifier, router and store into PostgreSQL, then normal polling of a feed that grows a
 * few comments at a time.
 */
@Command(
    name = "bench-pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the pipeline end to end: generates comments into a replay file, backfills them",
      "through adapter, classifier, router and store into PostgreSQL (embedded unless",
      "TRIAGE_DB_URL is set), then polls a growing feed. Prints comments per second, where the",
      "time went, and fetch-to-triage-item latency (median, p99)."
    })
public final class BenchPipelineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Rules, routing and templates from (default: ${DEFAULT-VALUE}).")
  Path configFile = Path.of("config", "demo", "triage.yml");

  @Option(names = "--comments", description = "Backfill size (default: ${DEFAULT-VALUE}).")
  int comments = 1_000_000;

  @Option(names = "--authors", description = "Author pool (default: ${DEFAULT-VALUE}).")
  int authors = 50_000;

  @Option(names = "--page-size", description = "Replay page size (default: ${DEFAULT-VALUE}).")
  int pageSize = 2_000;

  @Option(names = "--rounds", description = "Normal polling rounds (default: ${DEFAULT-VALUE}).")
  int rounds = 200;

  @Option(names = "--per-round", description = "Comments per round (default: ${DEFAULT-VALUE}).")
  int perRound = 20;

  @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = 20261123L;

  @Option(names = "--corpus", description = "Texts to build comments from.")
  Path corpus = Path.of("config", "eval", "dev.jsonl");

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> texts = GoldCorpus.texts(corpus);
    Path folder = Files.createTempDirectory("bench-pipeline");
    Path feed = folder.resolve("feed.jsonl");
    String run = "b" + Long.toString(System.currentTimeMillis(), 36) + "-";
    Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
    ReplayFeedWriter writer =
        new ReplayFeedWriter(
            feed,
            run,
            new CommentGenerator(texts, seed),
            seed,
            authors,
            yearAgo,
            Duration.ofDays(365),
            comments);
    ProgressBar generating = new ProgressBar(err, "generating ", comments);
    for (long done = 0; done < comments; ) {
      done = writer.append(Math.min(50_000, comments - done));
      generating.update(done);
    }
    generating.finish(comments);

    TriageConfig base = TriageConfig.load(configFile);
    Account account =
        new Account(
            run + "replay",
            "replay",
            "NHSExampleICB",
            Duration.ofMinutes(2),
            null,
            Map.of(),
            Map.of("file", feed.toString(), "page_size", Integer.toString(pageSize)),
            true,
            folder);
    TriageConfig config = withAccount(base, account);
    Wiring wiring = Wiring.of(config);
    try (Database database = DatabaseChoice.open(config.database(), System.getenv())) {
      database.migrate();
      TriageStore store = new TriageStore(database.jdbi(), JsonMapper.create());
      store.registerAccount(account.id(), account.platform(), account.handle());
      SourceAdapter adapter = AccountAdapters.open(account, System.getenv());

      ProgressBar backfilling = new ProgressBar(err, "backfill   ", comments);
      PipelineTimings backfill = new PipelineTimings(backfilling::update);
      long started = System.nanoTime();
      long cpuBefore = processCpuNanos();
      DatabaseCpu databaseCpu = DatabaseCpu.of(database.jdbi());
      OptionalDouble databaseBefore =
          databaseCpu == null ? OptionalDouble.empty() : databaseCpu.seconds();
      AccountPollResult result =
          new PollCycle(wiring.triage(), store, Clock.systemUTC(), backfill)
              .poll(account.id(), adapter);
      double seconds = (System.nanoTime() - started) / 1e9;
      double processCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
      OptionalDouble databaseAfter =
          databaseCpu == null ? OptionalDouble.empty() : databaseCpu.seconds();
      OptionalDouble databaseCpuSeconds =
          databaseBefore.isPresent() && databaseAfter.isPresent()
              ? OptionalDouble.of(databaseAfter.getAsDouble() - databaseBefore.getAsDouble())
              : OptionalDouble.empty();
      backfilling.finish(backfill.comments());
      if (!result.succeeded()) {
        err.println("backfill failed: " + result);
        return 1;
      }

      PipelineTimings polling = new PipelineTimings(done -> {});
      PollCycle normal = new PollCycle(wiring.triage(), store, Clock.systemUTC(), polling);
      ProgressBar pollingBar = new ProgressBar(err, "polling    ", rounds);
      for (int round = 1; round <= rounds; round++) {
        writer.append(perRound);
        AccountPollResult poll = normal.poll(account.id(), adapter);
        if (!poll.succeeded()) {
          err.println("polling failed: " + poll);
          return 1;
        }
        pollingBar.update(round);
      }
      pollingBar.finish(rounds);

      new PipelineReport(out)
          .print(
              database,
              comments,
              authors,
              pageSize,
              seconds,
              processCpuSeconds,
              databaseCpuSeconds,
              backfill,
              rounds,
              perRound,
              polling,
              Files.size(feed));
    } finally {
      Files.deleteIfExists(feed);
      Files.deleteIfExists(folder);
    }
    return 0;
  }

  private static TriageConfig withAccount(TriageConfig base, Account account) {
    return new TriageConfig(
        base.file(),
        base.organisation(),
        base.database(),
        base.rules(),
        base.routing(),
        base.templates(),
        base.calendar(),
        List.of(account),
        base.destinations(),
        base.smtp(),
        base.outbox(),
        base.mediaDestination());
  }

  /** CPU time of this whole process (every thread: the pipeline's, the JIT's, the GC's). */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "%d cores, load average %.1f at the end, Java %s (%s), max heap %d MB, %s %s",
        Runtime.getRuntime().availableProcessors(),
        os.getSystemLoadAverage(),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() / 1_000_000,
        os.getName(),
        os.getVersion());
  }
}
