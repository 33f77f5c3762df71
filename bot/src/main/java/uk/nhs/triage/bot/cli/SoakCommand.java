package uk.nhs.triage.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.bench.CommentGenerator;
import uk.nhs.triage.bot.bench.ReplayConfig;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.evaluate.GoldCorpus;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.store.Database;

/**
 * A long simulated run: thousands of poll cycles over a healthy account that keeps receiving
 * comments, one whose feed is missing and one whose feed keeps receiving broken lines. Prints the
 * heap after each stretch, so a leak shows as a rising line, and what each account did.
 */
@Command(
    name = "soak",
    description =
        "Thousands of poll cycles with a healthy, a failing and a malformed account;"
            + " prints heap after garbage collection as the run goes on.")
public final class SoakCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--cycles", description = "Poll cycles (default: ${DEFAULT-VALUE}).")
  int cycles = 3000;

  @Option(
      names = "--per-cycle",
      description = "New comments per cycle (default: ${DEFAULT-VALUE}).")
  int perCycle = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = Files.createTempDirectory("triage-soak");
    Path good = folder.resolve("good.jsonl");
    Path broken = folder.resolve("broken.jsonl");
    Files.writeString(good, "");
    Files.writeString(broken, "");
    Map<String, Path> feeds = new LinkedHashMap<>();
    feeds.put("healthy", good);
    feeds.put("missing-feed", folder.resolve("no-such-feed.jsonl"));
    feeds.put("broken-lines", broken);
    Path config = ReplayConfig.write(folder, Path.of("config"), feeds);
    List<String> texts = GoldCorpus.texts(Path.of("config", "eval", "dev.jsonl"));
    CommentGenerator generator = new CommentGenerator(texts, 7);
    int ok = 0;
    int failed = 0;
    long stored = 0;
    try (Database database = Database.fromEnvironment(System.getenv(), null);
        TriageBot bot =
            TriageBot.start(
                Wiring.of(TriageConfig.load(config, Map.of())),
                database,
                Map.of(),
                Clock.systemUTC())) {
      out.printf(
          Locale.ROOT, "%8s %12s %10s %8s %8s%n", "cycle", "heap MB", "stored", "ok", "failed");
      for (int cycle = 1; cycle <= cycles; cycle++) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < perCycle; i++) {
          lines.append(
              "{\"id\":\"s%d-%d\",\"text\":%s,\"author\":{\"id\":\"a%d\"}}\n"
                  .formatted(cycle, i, quote(generator.next()), (cycle * 7 + i) % 400));
        }
        Files.writeString(good, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(
            broken,
            "{\"id\": \"b" + cycle + "\", \"text\": \n",
            StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        for (AccountPollResult result : bot.pollOnce()) {
          if (result.succeeded()) {
            ok++;
          } else {
            failed++;
          }
          stored += result.stored();
        }
        if (cycle % Math.max(1, cycles / 12) == 0 || cycle == cycles) {
          out.printf(Locale.ROOT, "%8d %12.1f %10d %8d %8d%n", cycle, heapMb(), stored, ok, failed);
          out.flush();
        }
      }
    }
    return 0;
  }

  private static double heapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }

  private static String quote(String text) throws JsonProcessingException {
    return JSON.writeValueAsString(text);
  }
}
