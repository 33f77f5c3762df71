package uk.nhs.triage.bot.evaluate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.triage.classifier.Label;

/** Counts of what the classifier got right and wrong over a labelled corpus, per label. */
public final class Scorecard {
  private final Map<Label, int[]> counts = new EnumMap<>(Label.class);
  private final List<Mistake> mistakes = new ArrayList<>();
  private int comments;

  /** One comment where the classifier and the person disagreed. */
  public record Mistake(String id, String text, Set<Label> expected, Set<Label> got) {
    public Set<Label> missed() {
      Set<Label> missed = EnumSet.noneOf(Label.class);
      missed.addAll(expected);
      missed.removeAll(got);
      return missed;
    }

    public Set<Label> falseAlarms() {
      Set<Label> extra = EnumSet.noneOf(Label.class);
      extra.addAll(got);
      extra.removeAll(expected);
      return extra;
    }
  }

  /**
   * One label's figures. Precision, recall and F1 are 1.0 when there was nothing to get wrong.
   * {@code missedInReview} counts the misses that scored in the label's review band: they did not
   * get the label, but they reach a person marked "to check".
   */
  public record LabelFigures(
      Label label, int truePositives, int falsePositives, int falseNegatives, int missedInReview) {
    public int support() {
      return truePositives + falseNegatives;
    }

    public double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
      return support() == 0 ? 1.0 : (double) truePositives / support();
    }

    /** The share of the label's comments that got it or reached a person in its review band. */
    public double recallWithReview() {
      return support() == 0 ? 1.0 : (double) (truePositives + missedInReview) / support();
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public Scorecard() {
    for (Label label : Label.values()) {
      counts.put(label, new int[4]);
    }
  }

  /**
   * Adds one comment: the labels a person gave it, the labels it got and those it had in review.
   */
  public void add(
      String id, String text, Set<Label> expected, Set<Label> got, Set<Label> inReview) {
    comments++;
    for (Label label : Label.values()) {
      boolean want = expected.contains(label);
      boolean have = got.contains(label);
      int[] c = counts.get(label);
      if (want && have) {
        c[0]++;
      } else if (have) {
        c[1]++;
      } else if (want) {
        c[2]++;
        if (inReview.contains(label)) {
          c[3]++;
        }
      }
    }
    if (!expected.equals(got)) {
      mistakes.add(new Mistake(id, text, expected, got));
    }
  }

  public int comments() {
    return comments;
  }

  public LabelFigures figures(Label label) {
    int[] c = counts.get(label);
    return new LabelFigures(label, c[0], c[1], c[2], c[3]);
  }

  /** Figures over every decision of every label pooled together. */
  public LabelFigures micro() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int review = 0;
    for (int[] c : counts.values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
      review += c[3];
    }
    return new LabelFigures(null, tp, fp, fn, review);
  }

  /** The plain mean of each label's precision, recall and F1: {precision, recall, f1}. */
  public double[] macro() {
    double p = 0;
    double r = 0;
    double f = 0;
    for (Label label : Label.values()) {
      LabelFigures figures = figures(label);
      p += figures.precision();
      r += figures.recall();
      f += figures.f1();
    }
    int n = Label.values().length;
    return new double[] {p / n, r / n, f / n};
  }

  public List<Mistake> mistakes() {
    return List.copyOf(mistakes);
  }
}
