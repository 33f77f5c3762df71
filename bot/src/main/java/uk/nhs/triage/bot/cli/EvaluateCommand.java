package uk.nhs.triage.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.evaluate.Floors;
import uk.nhs.triage.bot.evaluate.GoldComment;
import uk.nhs.triage.bot.evaluate.GoldCorpus;
import uk.nhs.triage.bot.evaluate.Misspeller;
import uk.nhs.triage.bot.evaluate.Scorecard;
import uk.nhs.triage.bot.evaluate.ScorecardReport;
import uk.nhs.triage.bot.pipeline.HistoryBook;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Classifier;

/** Measures the classifier against a labelled corpus. */
@Command(
    name = "evaluate",
    description = {
      "Runs the classifier over a labelled corpus and prints per label precision, recall, F1",
      "and support, micro and macro averages, and every miss and false alarm. Exits with",
      "status 1 when a quality floor (config/eval/floors.yml) is not met."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE",
      description = "Labelled JSON lines.")
  Path gold;

  @Option(
      names = "--floors",
      paramLabel = "FILE",
      description = "Quality floors (default: ${DEFAULT-VALUE}); 'none' for no floors.")
  String floors = "config/eval/floors.yml";

  @Option(names = "--mistakes", paramLabel = "N", description = "How many mistakes to list.")
  int mistakes = 200;

  @Option(
      names = "--typos",
      paramLabel = "RATE",
      description =
          "Misspell this share (0 to 1) of the words of five letters or more, one slip each,"
              + " before classifying: what typos cost (default: none).")
  double typos;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the typos (default: ${DEFAULT-VALUE}).")
  long seed = 20261207L;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = Classifier.load(config.load().rules());
    List<GoldComment> corpus = GoldCorpus.read(gold);
    Scorecard card = new Scorecard();
    HistoryBook histories = HistoryBook.inMemory();
    Misspeller misspeller = typos > 0 ? new Misspeller(typos, seed) : null;
    for (GoldComment item : corpus) {
      Comment comment = item.comment();
      String text = misspeller == null ? comment.text() : misspeller.misspell(comment.text());
      Instant at = comment.createdAt() != null ? comment.createdAt() : Instant.EPOCH;
      Comment byAuthor = oneIdentityPerAuthor(comment, text);
      Classification got = classifier.classify(text, histories.historyOf(byAuthor), at);
      histories.record(byAuthor, got, at);
      card.add(comment.externalId(), text, item.expected(), got.labels(), got.forReview());
    }
    Floors floorsToMeet =
        "none".equals(floors) || !Files.exists(Path.of(floors))
            ? Floors.none()
            : Floors.load(Path.of(floors));
    List<String> unmet =
        ScorecardReport.print(System.out, gold.toString(), card, floorsToMeet, mistakes);
    return unmet.isEmpty() ? 0 : 1;
  }

  /**
   * In a labelled file an author id names one person across the whole file, whatever platform each
   * line is on (LABELLING.md: "an author's history is what that author posted earlier in the same
   * file"), so histories are kept per author here; the running bot keeps them per platform, where
   * ids from different platforms name different people. The copy holds {@code text}, the text
   * classified.
   */
  private static Comment oneIdentityPerAuthor(Comment comment, String text) {
    return new Comment(
        "corpus",
        comment.externalId(),
        comment.accountId(),
        comment.author(),
        text,
        comment.createdAt(),
        comment.url(),
        comment.inReplyToId(),
        comment.rawPayload());
  }
}
