package uk.nhs.triage.bot.evaluate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.triage.classifier.Label;

/** Prints a scorecard for a person: the table, the averages, then every mistake. */
public final class ScorecardReport {
  private ScorecardReport() {}

  /** Prints the scorecard and the floors' verdict; returns the floors not met. */
  public static List<String> print(
      PrintStream out, String corpus, Scorecard card, Floors floors, int mistakesToShow) {
    List<String> unmet = floors.unmet(card);
    out.printf(Locale.ROOT, "%s: %d comments%n%n", corpus, card.comments());
    out.printf(
        Locale.ROOT,
        "%-16s %9s %9s %9s %8s %5s %5s %14s%n",
        "label",
        "precision",
        "recall",
        "f1",
        "support",
        "fp",
        "fn",
        "recall+review");
    for (Label label : Label.values()) {
      Scorecard.LabelFigures f = card.figures(label);
      row(out, label.wireName(), f.precision(), f.recall(), f.f1(), f.support(), f);
    }
    Scorecard.LabelFigures micro = card.micro();
    out.println();
    row(out, "micro avg", micro.precision(), micro.recall(), micro.f1(), micro.support(), micro);
    double[] macro = card.macro();
    out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f%n", "macro avg", macro[0], macro[1], macro[2]);
    out.println(
        "(recall+review: the share that got the label or reached a person in its review band;"
            + " floors use recall)");

    List<Scorecard.Mistake> mistakes = card.mistakes();
    out.printf(Locale.ROOT, "%n%d comments with a miss or a false alarm", mistakes.size());
    if (mistakes.size() > mistakesToShow) {
      out.printf(Locale.ROOT, " (first %d shown; --mistakes N shows more)", mistakesToShow);
    }
    out.println(":");
    for (Scorecard.Mistake m : mistakes.subList(0, Math.min(mistakesToShow, mistakes.size()))) {
      out.printf(
          Locale.ROOT,
          "  %s  missed %s  false alarm %s  (expected %s, got %s)%n    %s%n",
          m.id(),
          names(m.missed()),
          names(m.falseAlarms()),
          names(m.expected()),
          names(m.got()),
          oneLine(m.text()));
    }
    out.println();
    if (floors.isEmpty()) {
      out.println("No quality floors checked (--floors none).");
    } else if (unmet.isEmpty()) {
      out.println("All quality floors met.");
    } else {
      out.println("Quality floors NOT met:");
      unmet.forEach(line -> out.println("  " + line));
    }
    return unmet;
  }

  private static void row(
      PrintStream out,
      String name,
      double p,
      double r,
      double f1,
      int support,
      Scorecard.LabelFigures f) {
    out.printf(
        Locale.ROOT,
        "%-16s %9.3f %9.3f %9.3f %8d %5d %5d %14.3f%n",
        name,
        p,
        r,
        f1,
        support,
        f.falsePositives(),
        f.falseNegatives(),
        f.recallWithReview());
  }

  private static String names(Set<Label> labels) {
    return labels.isEmpty()
        ? "-"
        : labels.stream().map(Label::wireName).sorted().collect(Collectors.joining(","));
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
  }
}
