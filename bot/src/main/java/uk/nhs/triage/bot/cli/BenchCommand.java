package uk.nhs.triage.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.triage.bot.bench.CommentGenerator;
import uk.nhs.triage.bot.bench.NaiveRegexBaseline;
import uk.nhs.triage.bot.bench.RuleGrower;
import uk.nhs.triage.bot.evaluate.GoldCorpus;
import uk.nhs.triage.classifier.Classifier;

/**
 * Classifier throughput side by side in one run, on one thread (so figures are per core): the
 * analysis chain alone (the ceiling), our classifier with the shipped rules and with 10,000 more,
 * and one regular expression per rule tried in turn (the naive baseline).
 */
@Command(
    name = "bench",
    description = {
      "Measures classifier throughput on a seeded generated corpus, one thread: analysis alone",
      "(the ceiling), the classifier with the shipped rules and with 10,000 rules, and a naive",
      "one-regex-per-rule baseline. Prints comments per second per core, ratios and heap."
    })
public final class BenchCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Option(names = "--comments", description = "Generated comments (default: ${DEFAULT-VALUE}).")
  int comments = 1_000_000;

  @Option(names = "--baseline-comments", description = "Comments for the slow baseline.")
  int baselineComments = 20_000;

  @Option(names = "--grown-rules", description = "Rules added for the growth run.")
  int grownRules = 10_000;

  @Option(names = "--seed", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed = 20261123L;

  @Option(names = "--corpus", description = "Texts to build comments from.")
  Path corpus = Path.of("config", "eval", "dev.jsonl");

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  private long sink;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path rules = config.load().rules();
    List<String> texts = GoldCorpus.texts(corpus);

    long heapBefore = usedHeapAfterGc();
    Classifier shipped = Classifier.load(rules);
    long classifierHeap = usedHeapAfterGc() - heapBefore;
    Path grown = RuleGrower.grow(rules, texts, grownRules, seed);
    Classifier large = Classifier.load(grown);
    Classifier rulesOnly = Classifier.loadRulesOnly(rules);
    NaiveRegexBaseline naive = NaiveRegexBaseline.fromRules(rules);
    NaiveRegexBaseline naiveLarge = NaiveRegexBaseline.fromRules(grown);
    Analyzer analyzer = shipped.analyzer();

    double chars = 0;
    warmUp(texts, analyzer, List.of(shipped, large, rulesOnly), naive);
    double ceiling = rate(err, "analysis only ", texts, comments, t -> analyse(analyzer, t));
    double ours =
        rate(
            err,
            "shipped rules ",
            texts,
            comments,
            t -> sink += shipped.classify(t).scores().size());
    double oursLarge =
        rate(
            err, "10k rules     ", texts, comments, t -> sink += large.classify(t).scores().size());
    double oursRulesOnly =
        rate(
            err,
            "rule files    ",
            texts,
            comments,
            t -> sink += rulesOnly.classify(t).scores().size());
    double baseline =
        rate(err, "regex/rule    ", texts, baselineComments, t -> sink += naive.matches(t));
    double baselineLarge =
        rate(
            err,
            "regex/rule 10k",
            texts,
            Math.max(1, baselineComments / 20),
            t -> sink += naiveLarge.matches(t));
    CommentGenerator lengths = new CommentGenerator(texts, seed);
    for (int i = 0; i < 10_000; i++) {
      chars += lengths.next().length();
    }
    long peakHeap = usedHeapAfterGc();

    out.printf(
        Locale.ROOT,
        "Classifier throughput, one thread (comments per second of thread CPU time, i.e. per core)%n");
    out.printf(
        Locale.ROOT,
        "corpus: %,d generated comments, seed %d, mean %.0f characters; %d cores, Java %s%n%n",
        comments,
        seed,
        chars / 10_000,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    out.printf(Locale.ROOT, "%-44s %12s%n", "", "comments/s");
    out.printf(Locale.ROOT, "%-44s %,12.0f%n", "analysis chain only (ceiling)", ceiling);
    out.printf(
        Locale.ROOT,
        "%-44s %,12.0f%n",
        "classifier, shipped rules (" + naive.ruleCount() + " rule lines)",
        ours);
    out.printf(Locale.ROOT, "%-44s %,12.0f%n", "classifier, + " + grownRules + " rules", oursLarge);
    out.printf(
        Locale.ROOT,
        "%-44s %,12.0f%n",
        "classifier, rule files alone (no examples)",
        oursRulesOnly);
    out.printf(
        Locale.ROOT,
        "%-44s %,12.0f%n",
        "naive regex per rule, shipped (" + baselineComments + " comments)",
        baseline);
    out.printf(
        Locale.ROOT,
        "%-44s %,12.0f%n",
        "naive regex per rule, + " + grownRules + " rules",
        baselineLarge);
    out.printf(
        Locale.ROOT,
        "%nratios: shipped/ceiling %.2f (rule files alone %.2f), shipped/naive %.1fx, 10k/shipped %.2f,"
            + " naive 10k/shipped %.3f%n",
        ours / ceiling,
        oursRulesOnly / ceiling,
        ours / baseline,
        oursLarge / ours,
        baselineLarge / baseline);
    out.printf(
        Locale.ROOT,
        "heap: classifier with shipped rules %.1f MB retained; %.1f MB in use after the run (max %d MB)%n",
        classifierHeap / 1e6,
        peakHeap / 1e6,
        Runtime.getRuntime().maxMemory() / 1_000_000);
    out.printf(Locale.ROOT, "(checksum %d)%n", sink);
    return 0;
  }

  private double rate(PrintWriter err, String task, List<String> texts, int n, TextTask work) {
    CommentGenerator generator = new CommentGenerator(texts, seed);
    ProgressBar progress = new ProgressBar(err, task, n);
    String[] batch = new String[10_000];
    long nanos = 0;
    int done = 0;
    while (done < n) {
      int size = Math.min(batch.length, n - done);
      for (int i = 0; i < size; i++) {
        batch[i] = generator.next();
      }
      // Thread CPU time, not the wall clock: the figure is per core and holds on a shared machine.
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < size; i++) {
        work.run(batch[i]);
      }
      nanos += THREADS.getCurrentThreadCpuTime() - start;
      done += size;
      progress.update(done);
    }
    progress.finish(done);
    return done / (nanos / 1e9);
  }

  /** Lets the JIT compile every measured path before any clock starts. */
  private void warmUp(
      List<String> texts,
      Analyzer analyzer,
      List<Classifier> classifiers,
      NaiveRegexBaseline naive) {
    CommentGenerator generator = new CommentGenerator(texts, seed ^ 0x5EED);
    for (int i = 0; i < 30_000; i++) {
      String text = generator.next();
      analyse(analyzer, text);
      for (Classifier classifier : classifiers) {
        sink += classifier.classify(text).scores().size();
      }
      if (i % 30 == 0) {
        sink += naive.matches(text);
      }
    }
  }

  @FunctionalInterface
  private interface TextTask {
    void run(String text);
  }

  private void analyse(Analyzer analyzer, String text) {
    try (TokenStream tokens = analyzer.tokenStream("text", text)) {
      tokens.reset();
      while (tokens.incrementToken()) {
        sink++;
      }
      tokens.end();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
