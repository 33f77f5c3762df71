package uk.nhs.triage.classifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistent-user test of the policy (004 §3.4.1): an author who is prolific, consistently
 * negative or known to use offensive language, read from the author's earlier comments. Thresholds
 * come from persistent_user.rules.
 */
record PersistentUserRule(
    String file,
    int prolificComments,
    Duration prolificWindow,
    int prolificLine,
    int negativeEarlier,
    Duration negativeWindow,
    double negativeNowScore,
    int negativeLine,
    int offensiveEarlier,
    Duration offensiveWindow,
    boolean offensiveNowCounts,
    int offensiveLine) {

  /** The longest of the three windows: how far back the author's history matters here. */
  Duration longestWindow() {
    Duration longest = prolificWindow;
    if (negativeWindow.compareTo(longest) > 0) {
      longest = negativeWindow;
    }
    return offensiveWindow.compareTo(longest) > 0 ? offensiveWindow : longest;
  }

  /**
   * Whether this comment counts as negative for the consistently-negative test: its negative label
   * fired, or (when {@code negative_now_score} is set) its negative score reached that lower bar. A
   * borderline complaint reads as a complaint from an author who has complained all week.
   */
  private boolean negativeNow(LabelScore negative) {
    return negative != null
        && (negative.verdict() == Verdict.FIRED
            || (negativeNowScore > 0 && negative.score() >= negativeNowScore));
  }

  /** Evidence for each criterion the author meets; empty when none. */
  List<Evidence> evidence(
      AuthorHistory history, Instant at, LabelScore negativeScore, boolean offensiveNow) {
    boolean negativeNow = negativeNow(negativeScore);
    List<Evidence> found = new ArrayList<>(0);
    if (history == null || history.prior().isEmpty()) {
      if (offensiveNow && offensiveNowCounts) {
        found.add(offensive(0, true));
      }
      return found;
    }
    int recent = 1;
    int negative = 0;
    int offensive = 0;
    for (AuthorHistory.PriorComment prior : history.prior()) {
      if (prior.at() == null || prior.at().isAfter(at)) {
        continue;
      }
      Duration age = Duration.between(prior.at(), at);
      if (age.compareTo(prolificWindow) <= 0) {
        recent++;
      }
      if (age.compareTo(negativeWindow) <= 0 && prior.labels().contains(Label.NEGATIVE)) {
        negative++;
      }
      if (age.compareTo(offensiveWindow) <= 0 && prior.labels().contains(Label.OFFENSIVE)) {
        offensive++;
      }
    }
    if (recent >= prolificComments) {
      found.add(
          new Evidence(
              file
                  + ":"
                  + prolificLine
                  + " prolific: "
                  + prolificComments
                  + " comments in "
                  + human(prolificWindow),
              file + ":" + prolificLine,
              List.of(recent + " comments in " + human(prolificWindow) + ", this one included"),
              1));
    }
    if (negativeNow && negative >= negativeEarlier) {
      found.add(
          new Evidence(
              file
                  + ":"
                  + negativeLine
                  + " consistently negative: this and "
                  + negativeEarlier
                  + " earlier in "
                  + human(negativeWindow),
              file + ":" + negativeLine,
              List.of(
                  (negativeScore.verdict() == Verdict.FIRED
                          ? "this and "
                          : "this (a borderline complaint, negative score "
                              + negativeScore.score()
                              + ") and ")
                      + negative
                      + " earlier negative comments in "
                      + human(negativeWindow)),
              1));
    }
    if ((offensiveNow && offensiveNowCounts) || offensive >= offensiveEarlier) {
      found.add(offensive(offensive, offensiveNow));
    }
    return found;
  }

  private Evidence offensive(int earlier, boolean now) {
    return new Evidence(
        file
            + ":"
            + offensiveLine
            + " offensive language: this or "
            + offensiveEarlier
            + " earlier in "
            + human(offensiveWindow),
        file + ":" + offensiveLine,
        List.of(
            (now ? "this comment and " : "")
                + earlier
                + " earlier offensive comments in "
                + human(offensiveWindow)),
        1);
  }

  private static String human(Duration d) {
    if (d.toHours() % 24 == 0 && d.toDays() > 1) {
      return d.toDays() + " days";
    }
    return d.toHours() + " hours";
  }
}
