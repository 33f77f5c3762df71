package uk.nhs.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misspelt words are corrected before the rules see them ({@code typos.conf}), and only misspelt
 * ones: known words, names and anything not a plain word are left as written.
 */
class TypoCorrectionTest {
  @TempDir Path dir;
  private Path rules;

  @BeforeEach
  void folder() throws IOException {
    rules = Files.createDirectory(dir.resolve("rules"));
    Files.createDirectory(rules.resolve("lexicon"));
    Files.write(
        rules.resolve("lexicon").resolve("words.txt"),
        List.of(
            "ambulance",
            "nurse",
            "nurses",
            "shroud",
            "medication",
            "meditation",
            "cared",
            "cured",
            "wrong",
            "thank",
            "white",
            "tatty",
            "board",
            "hoarded"));
    Files.writeString(
        rules.resolve("patient_safety.rules"),
        "threshold = 2\n"
            + "# a comment's words are not rule words: medicaiton is still corrected\n"
            + "2 wrong NEAR/3 medication\n"
            + "2 \"no ambulance\"\n"
            + "2 shite\n"
            + "2 twat*\n"
            + "2 shroud\n");
    Files.writeString(
        rules.resolve("positive.rules"), "threshold = 1\n1 thank\n1 white\n1 tatty\n1 hoard\n");
    Files.writeString(
        rules.resolve("typos.conf"),
        "lexicon = lexicon/words.txt\nmin_length = 5\ncapitalised_min_uses = 3\n");
  }

  private Classifier classifier() {
    return Classifier.load(rules);
  }

  private boolean fires(Classifier classifier, Label label, String text) {
    return classifier.classify(text).labels().contains(label);
  }

  @Test
  void aWordOneEditFromAKnownWordIsReadAsThatWord() {
    Classifier c = classifier();
    // a letter dropped, swapped, changed, added
    assertThat(fires(c, Label.PATIENT_SAFETY, "given the wrng medicaton")).isFalse(); // "wrng": 4
    assertThat(fires(c, Label.PATIENT_SAFETY, "given the wrong medicaton")).isTrue();
    assertThat(fires(c, Label.PATIENT_SAFETY, "given the wrong medicaiton")).isTrue();
    assertThat(fires(c, Label.PATIENT_SAFETY, "given the wrong medicatiom")).isTrue();
    assertThat(fires(c, Label.PATIENT_SAFETY, "given the wrong mediccation")).isTrue();
    assertThat(fires(c, Label.PATIENT_SAFETY, "there was NO AMBULNACE")).isTrue();
  }

  @Test
  void withoutTyposConfMisspeltWordsAreLeftAsWritten() throws IOException {
    Files.delete(rules.resolve("typos.conf"));
    assertThat(fires(classifier(), Label.PATIENT_SAFETY, "given the wrong medicaiton")).isFalse();
  }

  @Test
  void knownWordsAreNeverCorrected() {
    Classifier c = classifier();
    // "meditation" is one edit from nothing the rules want, but it is a word: left alone
    assertThat(fires(c, Label.PATIENT_SAFETY, "the wrong meditation class")).isFalse();
    // "shite" is in no lexicon but a rule writes it: one edit from "white", yet left as written
    assertThat(c.classify("shite").labels())
        .contains(Label.PATIENT_SAFETY)
        .doesNotContain(Label.POSITIVE);
    // an inflection the lexicon does not list, of a word it does, is known by its stem:
    // "boarded" is one edit from "hoarded", but it is "board" with an ending
    assertThat(fires(c, Label.POSITIVE, "the windows were boarded")).isFalse();
    // a word starting with a rule's wildcard prefix is known: "twatty" does not become "tatty"
    assertThat(c.classify("twatty").labels())
        .contains(Label.PATIENT_SAFETY)
        .doesNotContain(Label.POSITIVE);
  }

  @Test
  void shortWordsAndWordsThatAreNotPlainLettersAreLeftAsWritten() {
    Classifier c = classifier();
    assertThat(fires(c, Label.POSITIVE, "thnk")).isFalse(); // 4 letters: too short to tell
    assertThat(fires(c, Label.POSITIVE, "thakn")).isTrue();
    assertThat(fires(c, Label.POSITIVE, "@thakn")).isFalse(); // a handle
    assertThat(fires(c, Label.POSITIVE, "#thakn")).isFalse(); // a tag
    assertThat(fires(c, Label.POSITIVE, "thakn2")).isFalse();
  }

  @Test
  void aWordTwoKnownWordsAreOneEditFromIsLeftAloneUnlessTheExamplesUseOneMore() throws IOException {
    // "cired" is one edit from both "cared" and "cured": with no example using either, left alone
    Files.writeString(rules.resolve("positive.rules"), "threshold = 1\n1 cared\n");
    assertThat(fires(classifier(), Label.POSITIVE, "they cired for him")).isFalse();
    Path eval = Files.createDirectory(dir.resolve("eval"));
    Files.writeString(
        eval.resolve("ex.jsonl"),
        "{\"id\":\"e1\",\"text\":\"they cared so well\",\"labels\":[\"positive\"]}\n"
            + "{\"id\":\"e2\",\"text\":\"the nurses cared\",\"labels\":[\"positive\"]}\n"
            + "{\"id\":\"e3\",\"text\":\"it cured nothing\",\"labels\":[]}\n");
    Files.writeString(
        rules.resolve("examples.conf"),
        "files = ../eval/ex.jsonl\nlabels = patient_safety\nneighbours = 1\n");
    assertThat(fires(classifier(), Label.POSITIVE, "they cired for him")).isTrue();
  }

  @Test
  void aCapitalisedWordIsCorrectedOnlyIntoAWordInCommonUse() throws IOException {
    // "Shrowd" is one edit from the known "shroud", which no example uses: most likely a name
    Classifier c = classifier();
    assertThat(fires(c, Label.PATIENT_SAFETY, "shrowd")).isTrue();
    // the same classifier remembers words from comment to comment: the capitalised one apart
    assertThat(fires(c, Label.PATIENT_SAFETY, "Shrowd")).isFalse();
    assertThat(fires(c, Label.PATIENT_SAFETY, "SHROWD")).isTrue();
    assertThat(c.classify("Shrowd and shrowd").scores().get(Label.PATIENT_SAFETY).evidence())
        .singleElement()
        .extracting(Evidence::matched)
        .isEqualTo(List.of("shrowd"));
    // a capitalised misspelling of a word the examples use often enough is corrected
    Path eval = Files.createDirectory(dir.resolve("eval"));
    Files.writeString(
        eval.resolve("ex.jsonl"),
        "{\"id\":\"e1\",\"text\":\"thank you\",\"labels\":[\"positive\"]}\n"
            + "{\"id\":\"e2\",\"text\":\"thank you all\",\"labels\":[\"positive\"]}\n"
            + "{\"id\":\"e3\",\"text\":\"thank you so much\",\"labels\":[\"positive\"]}\n");
    Files.writeString(
        rules.resolve("examples.conf"),
        "files = ../eval/ex.jsonl\nlabels = patient_safety\nneighbours = 1\n");
    assertThat(fires(classifier(), Label.POSITIVE, "Thakn you")).isTrue();
  }

  @Test
  void aCommentSearchesABudgetOfUnknownWordsAndTheNextCommentStartsAfresh() {
    Classifier c = classifier();
    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < AsWrittenFilter.MAX_SEARCHES; i++) {
      // distinct unknown words of letters only, one edit from nothing the lexicon holds
      junk.append("qz")
          .append((char) ('a' + i / 26 % 26))
          .append((char) ('a' + i % 26))
          .append("xv ");
    }
    String overBudget = junk + "the wrong medicaiton";
    // the budget is spent on the first 256 searches: the misspelling after them is left as written
    assertThat(c.corrections(overBudget)).isEmpty();
    // the same word in a comment of its own is searched and corrected, though remembered since
    assertThat(c.corrections("the wrong medicaiton")).containsExactly("medicaiton → medication");
    assertThat(fires(c, Label.PATIENT_SAFETY, "the wrong medicaiton")).isTrue();
  }

  @Test
  void theLexiconIsPartOfTheRulesVersion() throws IOException {
    String before = classifier().rulesVersion();
    Files.writeString(rules.resolve("lexicon").resolve("words.txt"), "ambulance\n");
    assertThat(classifier().rulesVersion()).isNotEqualTo(before);
  }

  @Test
  void aMissingLexiconOrBadSettingIsRefusedNamingTheFile() throws IOException {
    Files.writeString(rules.resolve("typos.conf"), "lexicon = lexicon/nowhere.txt\n");
    assertThatThrownBy(this::classifier)
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith("typos.conf:1: ")
        .hasMessageContaining("lexicon cannot be read");
    Files.writeString(rules.resolve("typos.conf"), "lexicon = lexicon/words.txt\nmin_length = 2\n");
    assertThatThrownBy(this::classifier)
        .hasMessageStartingWith("typos.conf:2: ")
        .hasMessageContaining("min_length must be 3 or more");
    Files.writeString(rules.resolve("typos.conf"), "lexicon = lexicon/words.txt\nmax_edits = 2\n");
    assertThatThrownBy(this::classifier).hasMessageContaining("unknown setting 'max_edits'");
  }
}
