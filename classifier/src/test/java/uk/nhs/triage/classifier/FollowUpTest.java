package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journalist's follow-up is press contact though it names no outlet: press_contact carries over
 * to the author's next comments within follow_up_window (press_contact.rules).
 */
class FollowUpTest {
  private static final Classifier CLASSIFIER = ShippedRules.CLASSIFIER;
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final String FOLLOW_UP =
      "One more: how many ambulances queued outside the ED on Saturday, and for how long?";

  private static AuthorHistory pressContactAgo(Duration ago) {
    return new AuthorHistory(
        List.of(new AuthorHistory.PriorComment(NOW.minus(ago), Set.of(Label.PRESS_CONTACT))));
  }

  @Test
  void aFollowUpFromAJournalistIsPressContact() {
    assertThat(CLASSIFIER.classify(FOLLOW_UP, AuthorHistory.NONE, NOW).labels())
        .doesNotContain(Label.PRESS_CONTACT);

    Classification c = CLASSIFIER.classify(FOLLOW_UP, pressContactAgo(Duration.ofDays(2)), NOW);

    assertThat(c.labels()).contains(Label.PRESS_CONTACT);
    assertThat(c.scores().get(Label.PRESS_CONTACT).evidence())
        .anySatisfy(
            e -> {
              assertThat(e.ref()).startsWith("press_contact.rules:");
              assertThat(e.matched())
                  .singleElement()
                  .asString()
                  .startsWith("follows up the author's press_contact comment of 2026-03-08");
            });
  }

  @Test
  void anEarlierPressContactOutsideTheWindowDoesNotCarryOver() {
    Classification c = CLASSIFIER.classify(FOLLOW_UP, pressContactAgo(Duration.ofDays(10)), NOW);

    assertThat(c.labels()).doesNotContain(Label.PRESS_CONTACT);
  }

  @Test
  void aJournalistThankingTheNursesAsAPatientIsNotPressContact() {
    Classification c =
        CLASSIFIER.classify(
            "Off the clock now: thank you to the lovely nurses on the day unit who looked after my dad",
            pressContactAgo(Duration.ofDays(1)),
            NOW);

    assertThat(c.labels()).contains(Label.POSITIVE).doesNotContain(Label.PRESS_CONTACT);
  }

  @Test
  void theHistoryWindowIsTheLongestTheRulesRead(@TempDir Path dir) throws IOException {
    assertThat(CLASSIFIER.historyWindow()).isEqualTo(Duration.ofDays(30));

    Files.writeString(
        dir.resolve("press_contact.rules"), "threshold = 2\nfollow_up_window = 60d\n2 reporter\n");
    assertThat(Classifier.load(dir).historyWindow()).isEqualTo(Duration.ofDays(60));
  }
}
