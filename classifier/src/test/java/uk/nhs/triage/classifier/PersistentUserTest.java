package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** persistent_user from the author's earlier comments, with the thresholds in the rules. */
class PersistentUserTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final String NEUTRAL = "Is the clinic on the second floor?";
  private static final String NEGATIVE = "Still waiting for a call back, absolutely useless";

  private static AuthorHistory history(int count, Duration apart, Set<Label> labels) {
    List<AuthorHistory.PriorComment> prior = new ArrayList<>();
    for (int i = count; i >= 1; i--) {
      prior.add(new AuthorHistory.PriorComment(NOW.minus(apart.multipliedBy(i)), labels));
    }
    return new AuthorHistory(prior);
  }

  @Test
  void prolificAuthorIsPersistent() {
    Classification c = CLASSIFIER.classify(NEUTRAL, history(7, Duration.ofHours(2), Set.of()), NOW);

    assertThat(c.labels()).contains(Label.PERSISTENT_USER);
    assertThat(c.scores().get(Label.PERSISTENT_USER).evidence())
        .anySatisfy(e -> assertThat(e.rule()).contains("prolific"));
  }

  @Test
  void sevenCommentsInADayAreNotYetProlific() {
    Classification c = CLASSIFIER.classify(NEUTRAL, history(6, Duration.ofHours(2), Set.of()), NOW);

    assertThat(c.labels()).doesNotContain(Label.PERSISTENT_USER);
  }

  @Test
  void consistentlyNegativeAuthorIsPersistent() {
    Classification c =
        CLASSIFIER.classify(NEGATIVE, history(3, Duration.ofDays(2), Set.of(Label.NEGATIVE)), NOW);

    assertThat(c.labels()).contains(Label.NEGATIVE, Label.PERSISTENT_USER);
    assertThat(c.scores().get(Label.PERSISTENT_USER).evidence())
        .anySatisfy(e -> assertThat(e.rule()).contains("consistently negative"));
  }

  @Test
  void negativeHistoryNeedsThisCommentNegativeToo() {
    Classification c =
        CLASSIFIER.classify(NEUTRAL, history(3, Duration.ofDays(2), Set.of(Label.NEGATIVE)), NOW);

    assertThat(c.labels()).doesNotContain(Label.PERSISTENT_USER);
  }

  @Test
  void aBorderlineComplaintAfterAWeekOfComplaintsCounts() {
    String borderline = "The consultant promised to write to my GP.";
    assertThat(CLASSIFIER.classify(borderline).labels()).doesNotContain(Label.NEGATIVE);

    Classification c =
        CLASSIFIER.classify(
            borderline, history(3, Duration.ofDays(2), Set.of(Label.NEGATIVE)), NOW);

    assertThat(c.labels()).contains(Label.PERSISTENT_USER).doesNotContain(Label.NEGATIVE);
    assertThat(c.scores().get(Label.PERSISTENT_USER).evidence())
        .anySatisfy(e -> assertThat(e.matched()).anyMatch(m -> m.contains("borderline")));
  }

  @Test
  void aBorderlineComplaintNeedsTheEarlierComplaintsToo() {
    String borderline = "The consultant promised to write to my GP.";
    Classification c =
        CLASSIFIER.classify(
            borderline, history(2, Duration.ofDays(2), Set.of(Label.NEGATIVE)), NOW);

    assertThat(c.labels()).doesNotContain(Label.PERSISTENT_USER);
  }

  @Test
  void authorKnownForOffensiveLanguageIsPersistent() {
    Classification c =
        CLASSIFIER.classify(NEUTRAL, history(2, Duration.ofDays(10), Set.of(Label.OFFENSIVE)), NOW);

    assertThat(c.labels()).contains(Label.PERSISTENT_USER);
    assertThat(c.scores().get(Label.PERSISTENT_USER).evidence())
        .anySatisfy(e -> assertThat(e.rule()).contains("offensive"));
  }

  @Test
  void offensiveCommentsOlderThanTheWindowDoNotCount() {
    Classification c =
        CLASSIFIER.classify(NEUTRAL, history(2, Duration.ofDays(20), Set.of(Label.OFFENSIVE)), NOW);

    assertThat(c.labels()).doesNotContain(Label.PERSISTENT_USER);
  }

  @Test
  void aRegularWhoMixesThanksAndComplaintsIsNot() {
    List<AuthorHistory.PriorComment> prior =
        List.of(
            new AuthorHistory.PriorComment(NOW.minus(Duration.ofDays(25)), Set.of(Label.POSITIVE)),
            new AuthorHistory.PriorComment(NOW.minus(Duration.ofDays(12)), Set.of(Label.NEGATIVE)),
            new AuthorHistory.PriorComment(NOW.minus(Duration.ofDays(6)), Set.of(Label.POSITIVE)),
            new AuthorHistory.PriorComment(NOW.minus(Duration.ofDays(3)), Set.of(Label.NEGATIVE)),
            new AuthorHistory.PriorComment(NOW.minus(Duration.ofDays(1)), Set.of()));

    Classification c = CLASSIFIER.classify(NEGATIVE, new AuthorHistory(prior), NOW);

    assertThat(c.labels()).contains(Label.NEGATIVE).doesNotContain(Label.PERSISTENT_USER);
  }
}
