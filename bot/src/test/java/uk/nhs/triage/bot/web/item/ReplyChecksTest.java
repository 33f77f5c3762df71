package uk.nhs.triage.bot.web.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.classifier.Classifier;

/** The shipped reply checks against the shipped rules. */
class ReplyChecksTest {
  private static ReplyChecks checks;

  @BeforeAll
  static void load() {
    checks =
        ReplyChecks.load(
            Classifier.load(Path.of("..", "config", "rules")),
            Path.of("..", "config", "reply-checks.txt"));
  }

  @Test
  void aPlainThankYouPasses() {
    assertThat(checks.warnings("Thank you for your kind words, we will pass them on to the team."))
        .isEmpty();
  }

  @Test
  void healthAdviceIsFlaggedWithTheWordsThatTriggeredIt() {
    assertThat(checks.warnings("It sounds like a misdiagnosis; you should take a higher dose."))
        .anySatisfy(w -> assertThat(w).contains("\"you should take\""))
        .anySatisfy(w -> assertThat(w).contains("\"dose\""));
    assertThat(checks.warnings("The diagnosis was confirmed"))
        .anySatisfy(w -> assertThat(w).contains("diagnos*"));
  }

  @Test
  void personalDataIsFlagged() {
    assertThat(checks.warnings("We have your NHS number 943 476 5919 on file."))
        .anySatisfy(w -> assertThat(w).contains("personal data"));
  }
}
