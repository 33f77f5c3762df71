package uk.nhs.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.Main;

class ExplainAndEvaluateCommandTest {
  private static final String CONFIG = "../config/triage.example.yml";
  @TempDir Path folder;

  private record Run(int status, String out) {}

  private Run run(String... args) {
    PrintStream realOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int status =
          Main.commandLine().setErr(new PrintWriter(new StringWriter(), true)).execute(args);
      return new Run(status, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(realOut);
    }
  }

  @Test
  void explainShowsTheRuleThatMatchedTheWordsAndTheDecision() {
    Run explain =
        run(
            "explain",
            "--config",
            CONFIG,
            "My father is at GWH and has not been offered a drink for 2 days");
    assertThat(explain.status()).isZero();
    assertThat(explain.out())
        .contains("patient_safety")
        .contains("FIRED")
        .contains("patient_safety.rules:")
        .contains("matched: ")
        .contains("drink")
        .contains("QUALITY")
        .contains("ESCALATE_NOW")
        .contains("needs approval");
  }

  @Test
  void explainSaysWhenTheNearestExamplesDoubtAWeakMatch() {
    Run explain =
        run(
            "explain",
            "--config",
            CONFIG,
            "£6 to park for an hour to visit my dad who's dying. Whoever decided that wants their"
                + " head looking at.");
    assertThat(explain.out())
        .containsPattern(
            "patient_safety +score +2\\.00 +threshold +2\\.00 +for a person to check \\(no nearby"
                + " example backs this weak match\\)")
        .contains(
            "examples.conf: 0 of the 10 nearest labelled comments are patient_safety (share 0.00,"
                + " a weak match needs more than 0.00; a person checks)")
        .contains("may be a patient safety concern: Quality and comms to check")
        .contains("QUALITY");
  }

  @Test
  void explainSaysHowAMisspeltWordWasRead() {
    Run explain =
        run(
            "explain",
            "--config",
            CONFIG,
            "Three hours waiting for an ambulnace after my dad collapsed");
    assertThat(explain.out())
        .contains("Read as (typos.conf): ambulnace → ambulance")
        .contains("patient_safety")
        .contains("matched: ")
        .contains("ambulnace");
    assertThat(run("explain", "--config", CONFIG, "Thank you all").out()).doesNotContain("Read as");
  }

  @Test
  void evaluateWithTyposMisspellsTheCorpusTheSameWayEachTime() throws Exception {
    Path gold = folder.resolve("gold.jsonl");
    Files.writeString(
        gold,
        """
        {"id": "g1", "text": "Thank you to the wonderful nurses on ward seven", "labels": ["positive"]}
        {"id": "g2", "text": "My grandmother collapsed and nobody answered the buzzer", "labels": ["patient_safety"]}
        """);
    String[] args = {
      "evaluate", "--config", CONFIG, "--gold", gold.toString(), "--floors", "none", "--typos", "1"
    };
    Run first = run(args);
    assertThat(first.status()).isZero();
    assertThat(first.out()).contains("2 comments").doesNotContain("wonderful nurses");
    assertThat(run(args).out()).isEqualTo(first.out());
  }

  @Test
  void evaluatePrintsFiguresAndMistakesAndFailsWhenAFloorIsNotMet() throws Exception {
    Path gold = folder.resolve("gold.jsonl");
    Files.writeString(
        gold,
        """
        {"id": "g1", "text": "Thank you to the wonderful nurses on ward 7", "labels": ["positive"]}
        {"id": "g2", "text": "What time does the pharmacy open on Sunday?", "labels": []}
        {"id": "g3", "text": "What time does the pharmacy open on Sunday?", "labels": ["foi_request"]}
        """);
    Path floors = folder.resolve("floors.yml");
    Files.writeString(floors, "foi_request: {recall: 0.95}\n");

    Run evaluate =
        run(
            "evaluate",
            "--config",
            CONFIG,
            "--gold",
            gold.toString(),
            "--floors",
            floors.toString());

    assertThat(evaluate.status()).isEqualTo(1);
    assertThat(evaluate.out())
        .contains("3 comments")
        .contains("positive")
        .contains("micro avg")
        .contains("macro avg")
        .contains("recall+review")
        .contains("g3  missed foi_request")
        .contains("foi_request recall 0.000 is below the floor 0.95");

    Files.writeString(floors, "positive: {precision: 0.9, recall: 0.9}\n");
    Run passing =
        run(
            "evaluate",
            "--config",
            CONFIG,
            "--gold",
            gold.toString(),
            "--floors",
            floors.toString());
    assertThat(passing.status()).isZero();
    assertThat(passing.out()).contains("All quality floors met.");
  }
}
