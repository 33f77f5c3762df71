package uk.nhs.triage.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.bot.evaluate.GoldCorpus;
import uk.nhs.triage.classifier.Classifier;

class RuleGrowerTest {
  private static final Path RULES = Path.of("..", "config", "rules");

  @Test
  void theGrownCopyLoadsWithTheShippedExamplesAndLexiconAndClassifiesAsTheShippedRulesDo()
      throws Exception {
    List<String> texts = GoldCorpus.texts(Path.of("..", "config", "eval", "dev.jsonl"));
    Path grown = RuleGrower.grow(RULES, texts, 50, 7);
    String misspelt =
        "Three hours waiting for an ambulnace after my dad collapsed on the kitchen floor";

    assertThat(Files.readString(grown.resolve("typos.conf")))
        .contains(
            "lexicon = "
                + RULES.resolve("lexicon/british-english.txt").toAbsolutePath().normalize());
    Classifier shipped = Classifier.load(RULES);
    Classifier large = Classifier.load(grown);
    assertThat(large.corrections(misspelt)).containsExactly("ambulnace → ambulance");
    assertThat(large.classify(misspelt).labels()).containsAll(shipped.classify(misspelt).labels());
  }
}
