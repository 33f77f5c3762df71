package uk.nhs.triage.bot.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.pipeline.HistoryBook;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.LabelScore;

/** Shows a person why the bot would label and route a text the way it does. */
@Command(
    name = "explain",
    description = "Shows the labels, scores, matched rules and the routing decision for a text.")
public final class ExplainCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Parameters(paramLabel = "TEXT", description = "The comment text, in quotes.")
  String text;

  @Override
  public Integer call() {
    Instant now = Clock.systemUTC().instant();
    Comment comment =
        new Comment("explain", "explain", "explain", Author.UNKNOWN, text, now, null, null, null);
    Wiring wiring = config.wiring();
    TriagedComment triaged = wiring.triage().triage(comment, HistoryBook.inMemory(), now);
    print(System.out, triaged, wiring.classifier().corrections(text));
    return 0;
  }

  static void print(PrintStream out, TriagedComment triaged, List<String> corrections) {
    out.println("Text: " + triaged.comment().text());
    if (!corrections.isEmpty()) {
      out.println("Read as (typos.conf): " + String.join(", ", corrections));
    }
    out.println("Rules version: " + triaged.classification().rulesVersion());
    out.println();
    if (triaged.classification().scores().isEmpty()) {
      out.println("No rule matched.");
    }
    for (LabelScore score : triaged.classification().scores().values()) {
      out.printf(
          Locale.ROOT,
          "%-16s score %6.2f  threshold %5.2f  %s%n",
          score.label().wireName(),
          score.score(),
          score.threshold(),
          switch (score.verdict()) {
            case FIRED -> "FIRED";
            case REVIEW ->
                score.score() < score.threshold()
                    ? "for a person to check (just below the threshold)"
                    : "for a person to check (no nearby example backs this weak match)";
            case NONE -> "not enough";
          });
      for (Evidence evidence : score.evidence()) {
        out.printf(
            Locale.ROOT,
            "    %+6.2f  %s%n            matched: %s%n",
            evidence.weight(),
            evidence.rule(),
            String.join(", ", evidence.matched()));
      }
    }
    Decision decision = triaged.decision();
    out.println();
    out.println("Decision");
    out.println("  queues:   " + decision.queues().stream().sorted().toList());
    out.println("  actions:  " + decision.actions());
    out.println("  priority: " + decision.priority());
    out.println("  due by:   " + (decision.dueBy() == null ? "-" : decision.dueBy()));
    if (decision.foi() != null) {
      out.println(
          "  FOI:      due "
              + decision.foi().dueDate()
              + ", missing "
              + decision.foi().missingElements());
    }
    if (decision.media() != null) {
      out.println("  media:    " + decision.media());
    }
    if (decision.replyDraft() != null) {
      out.println("  reply draft (" + decision.replyTemplate() + ", needs approval):");
      decision.replyDraft().lines().forEach(line -> out.println("    " + line));
    }
    out.println("  because:");
    decision.reasons().forEach(reason -> out.println("    - " + reason));
  }
}
