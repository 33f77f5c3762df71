package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each operator of the rule syntax means, on a small rule file of its own. */
class RuleSyntaxTest {
  @TempDir static Path dir;
  private static Classifier classifier;

  @BeforeAll
  static void load() throws IOException {
    Files.writeString(
        dir.resolve("patient_safety.rules"),
        """
        threshold = 2
        review = 1
        2 drink NEAR/2 "not offered"
        2 "how much" THEN/3 (spend | cost)
        2 ambulance & never
        2 dehydrat*
        2 kill* THEN/1 myself unless "killing me"
        2 colour NEAR/1 blue
        1 bell
        -1 bell NEAR/2 push
        2 🤦 NEAR/1 ward
        unless "awareness week"
        """);
    Files.writeString(dir.resolve("spellings.conf"), "colour = color\n");
    classifier = Classifier.load(dir);
  }

  private static double score(String text) {
    return classifier.classify(text).score(Label.PATIENT_SAFETY);
  }

  @Test
  void emojiMatchWhateverTheirSkinToneGenderOrPresentation() {
    assertThat(score("ward 🤦")).isEqualTo(2);
    assertThat(score("ward 🤦\u200D\u2640\uFE0F")).isEqualTo(2);
    assertThat(score("ward 🤦\uD83C\uDFFD\u200D\u2642\uFE0F")).isEqualTo(2);
    assertThat(score("ward 🤷")).isZero();
  }

  @Test
  void nearMatchesEitherOrderWithinTheDistance() {
    assertThat(score("not offered a drink")).isEqualTo(2);
    assertThat(score("drinks were not offered")).isEqualTo(2);
    assertThat(score("not offered any kind of drink")).isZero();
  }

  @Test
  void thenMatchesOnlyInOrder() {
    assertThat(score("how much did they spend")).isEqualTo(2);
    assertThat(score("they spend how much")).isZero();
  }

  @Test
  void andNeedsBothAnywhere() {
    assertThat(score("The ambulance came. Never again")).isEqualTo(2);
    assertThat(score("The ambulance came quickly")).isZero();
  }

  @Test
  void wildcardMatchesTheWordAsWritten() {
    assertThat(score("Dehydration on the ward")).isEqualTo(2);
    assertThat(score("he was DEHYDRATED")).isEqualTo(2);
    assertThat(score("hydrated")).isZero();
  }

  @Test
  void unlessCancelsOnlyMatchesItOverlaps() {
    assertThat(score("this queue is killing me")).isZero();
    assertThat(score("I will kill myself")).isEqualTo(2);
  }

  @Test
  void spellingMapAndStemsJoinWordForms() {
    assertThat(score("the colour blue")).isEqualTo(2);
    assertThat(score("the color blue")).isEqualTo(2);
  }

  @Test
  void negativeWeightsSubtractAndRulesCountOncePerComment() {
    assertThat(score("bell bell bell")).isEqualTo(1);
    assertThat(score("push the bell")).isZero();
  }

  @Test
  void vetoStopsTheLabelButKeepsTheEvidence() {
    LabelScore s =
        classifier
            .classify("Dehydration awareness week starts today")
            .scores()
            .get(Label.PATIENT_SAFETY);

    assertThat(s.score()).isZero();
    assertThat(s.verdict()).isEqualTo(Verdict.NONE);
    assertThat(s.evidence()).extracting(Evidence::rule).anyMatch(r -> r.contains("unless"));
  }
}
