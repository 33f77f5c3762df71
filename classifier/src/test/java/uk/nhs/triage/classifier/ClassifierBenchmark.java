package uk.nhs.triage.classifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * A rough single-thread timing: comments per second of CPU time for the analysis chain alone, the
 * shipped rules, and 10,000 generated rules. Run by hand (a main, not a test): {@code java -cp ...
 * uk.nhs.triage.classifier.ClassifierBenchmark}.
 */
public final class ClassifierBenchmark {
  private static final String[] SEEDS = {
    "My father is at the hospital and has not been offered a drink for 2 days, the nurses say they"
        + " are short staffed and nobody has checked on him since this morning. Disgraceful.",
    "Thank you so much to the team on ward 7 who looked after my mum last week, the care was"
        + " brilliant and everyone was so kind 🙏❤️ you are all heroes, keep up the good work!",
    "Under the FOI act please could you tell me how much the trust spent on agency nurses in"
        + " 2024/25 and how many vacancies there are on the wards? Thanks in advance, Sue Brown",
    "Rang the surgery at 8am, 40th in the queue, by the time I got through no appointments left."
        + " This happens every single week, what is the point? Sort it out @NHSExampleICB 😡",
    "Hi, I'm a reporter at the Express & Star working on a story about ambulance waits in the"
        + " area. Could your press office give us a comment by 5pm today? Please DM me, thanks",
  };

  private ClassifierBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path shipped = Path.of(args.length > 0 ? args[0] : "../config/rules");
    List<String> comments = comments(2000);
    Classifier classifier = Classifier.load(shipped);
    Analyzer analyzer = RuleLoader.load(shipped).analyzer();
    double chain = 0;
    double rules = 0;
    for (int round = 0; round < 3; round++) {
      double c = rate(() -> analyse(analyzer, comments), comments.size());
      double r = rate(() -> classify(classifier, comments), comments.size());
      System.out.printf(
          "round %d: chain %.0f/s, shipped rules %.0f/s (%.0f%%)%n", round, c, r, 100 * r / c);
      chain = Math.max(chain, c);
      rules = Math.max(rules, r);
    }
    Path big = Files.createTempDirectory("rules10k");
    try {
      generate(shipped, big, 10_000);
      Classifier tenThousand = Classifier.load(big);
      double many = rate(() -> classify(tenThousand, comments), comments.size());
      System.out.printf(
          "best: analysis chain %.0f/s, shipped rules %.0f/s (%.0f%% of chain), 10,000 rules %.0f/s"
              + " (%.0f%% of shipped)%n",
          chain, rules, 100 * rules / chain, many, 100 * many / rules);
    } finally {
      try (Stream<Path> files = Files.list(big)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(big);
    }
  }

  private static List<String> comments(int n) {
    Random random = new Random(7);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String seed = SEEDS[random.nextInt(SEEDS.length)];
      out.add(seed.substring(0, Math.min(seed.length(), 160 + random.nextInt(20))) + " " + i);
    }
    return out;
  }

  private static long analyse(Analyzer analyzer, List<String> comments) {
    long tokens = 0;
    for (String c : comments) {
      try (TokenStream ts = analyzer.tokenStream("comment", c)) {
        ts.reset();
        while (ts.incrementToken()) {
          tokens++;
        }
        ts.end();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return tokens;
  }

  private static long classify(Classifier classifier, List<String> comments) {
    long labels = 0;
    for (String c : comments) {
      labels += classifier.classify(c).scores().size();
    }
    return labels;
  }

  /**
   * Comments per second of this thread's CPU time, not of the wall clock: on a shared machine the
   * wall clock also counts the time this thread waited for a core, which says nothing about the
   * code.
   */
  private static double rate(java.util.function.LongSupplier work, int perRound) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int i = 0; i < 200; i++) {
      sink += work.getAsLong();
    }
    long wallStart = System.nanoTime();
    long start = threads.getCurrentThreadCpuTime();
    int rounds = 0;
    while (System.nanoTime() - wallStart < 3_000_000_000L) {
      sink += work.getAsLong();
      rounds++;
    }
    double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
    if (sink == 42) {
      System.out.println();
    }
    return rounds * perRound / seconds;
  }

  /** The shipped configuration plus {@code count} generated rules spread over the labels. */
  private static void generate(Path shipped, Path target, int count) throws IOException {
    try (Stream<Path> files = Files.list(shipped)) {
      for (Path p : files.toList()) {
        Files.copy(p, target.resolve(p.getFileName()));
      }
    }
    Random random = new Random(11);
    String[] labels = {"negative", "positive", "patient_safety", "foi_request", "press_contact"};
    StringBuilder[] extra = new StringBuilder[labels.length];
    for (int i = 0; i < labels.length; i++) {
      extra[i] = new StringBuilder("\n");
    }
    for (int i = 0; i < count; i++) {
      String a = word(random);
      String b = word(random);
      String line =
          switch (i % 4) {
            case 0 -> "1 " + a;
            case 1 -> "1 \"" + a + " " + b + "\"";
            case 2 -> "1 " + a + " NEAR/4 " + b;
            default -> "1 " + a + "*";
          };
      extra[i % labels.length].append(line).append('\n');
    }
    for (int i = 0; i < labels.length; i++) {
      Path file = target.resolve(labels[i] + ".rules");
      Files.writeString(file, Files.readString(file) + extra[i]);
    }
  }

  private static String word(Random random) {
    StringBuilder b = new StringBuilder();
    int length = 4 + random.nextInt(6);
    for (int i = 0; i < length; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }
}
