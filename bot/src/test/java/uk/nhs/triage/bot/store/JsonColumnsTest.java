package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/**
 * A classification's scores and evidence are written as JSON directly (a backfill writes them for
 * every comment); the text must be exactly what Jackson wrote from the same values before.
 */
class JsonColumnsTest {

  private static final ObjectMapper JACKSON = TestDatabase.mapper();
  private static final String AWKWARD;

  static {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    AWKWARD =
        controls
            + " \"quoted\" back\\slash \\u0000 as text / slash \u007f DEL é λ 漢字 👩‍⚕️"
            + " \u2028 \uFEFF lone \uD83D high";
  }

  @Test
  void scoresAndEvidenceAreTheTextJacksonWrote() {
    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    scores.put(
        Label.NEGATIVE,
        new LabelScore(
            Label.NEGATIVE,
            0.1 + 0.2,
            1.0,
            Verdict.REVIEW,
            List.of(
                new Evidence("negative.rules:3 rude", "negative.rules:3", List.of("rude"), 1),
                new Evidence("negative.rules:4 " + AWKWARD, "negative.rules:4", List.of(), -3),
                new Evidence("fires_with " + AWKWARD, null, List.of(AWKWARD, "b"), 1e-7),
                new Evidence(null, null, List.of("x"), 1e21))));
    scores.put(Label.OFFENSIVE, new LabelScore(Label.OFFENSIVE, 0, 2.5, Verdict.NONE, List.of()));
    scores.put(
        Label.FOI_REQUEST,
        new LabelScore(
            Label.FOI_REQUEST,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Verdict.FIRED,
            List.of(new Evidence("foi.rules:9 \"a\"", "foi.rules:9", List.of("a"), 12345.678))));
    Classification classification = new Classification(scores, "rules-v1");
    Set<RuleLines.Key> stored =
        Set.of(
            RuleLines.key(classification, "negative.rules:3"),
            RuleLines.key(classification, "foi.rules:9"));
    JsonColumns json = new JsonColumns(JACKSON);

    assertThat(json.scoresInto(classification, new JsonChars()).toString())
        .isEqualTo(jackson(scoresAsBefore(classification)));
    assertThat(json.evidenceInto(classification, stored, new JsonChars()).toString())
        .isEqualTo(jackson(evidenceAsBefore(classification, stored)));
    assertThat(json.evidence(classification, Set.of()))
        .isEqualTo(PostgresText.cleanJson(jackson(evidenceAsBefore(classification, Set.of()))));
    assertThat(json.scores(new Classification(Map.of(), "v"))).isEqualTo("{}");
    assertThat(json.evidence(new Classification(Map.of(), "v"), Set.of())).isEqualTo("{}");
  }

  private static String jackson(Object value) {
    try {
      return JACKSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  // What JsonColumns built for Jackson before it wrote the JSON itself (the three keys of a score
  // in one fixed order: they were a Map.of, whose order is not fixed).
  private static Map<String, Object> scoresAsBefore(Classification classification) {
    Map<String, Object> scores = new LinkedHashMap<>();
    classification
        .scores()
        .forEach(
            (label, score) -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put("score", score.score());
              one.put("threshold", score.threshold());
              one.put("verdict", score.verdict().name());
              scores.put(label.wireName(), one);
            });
    return scores;
  }

  private static Map<String, List<StoredEvidence>> evidenceAsBefore(
      Classification classification, Set<RuleLines.Key> stored) {
    Map<String, List<StoredEvidence>> evidence = new LinkedHashMap<>();
    for (LabelScore score : classification.scores().values()) {
      if (!score.evidence().isEmpty()) {
        List<StoredEvidence> rules = new ArrayList<>();
        for (Evidence e : score.evidence()) {
          String ref = e.ref();
          rules.add(
              ref != null && stored.contains(RuleLines.key(classification, ref))
                  ? new StoredEvidence(ref, null, e.matched(), e.weight())
                  : new StoredEvidence(null, e.rule(), e.matched(), e.weight()));
        }
        evidence.put(score.label().wireName(), rules);
      }
    }
    return evidence;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredEvidence(String ref, String rule, List<String> matched, double weight) {}
}
