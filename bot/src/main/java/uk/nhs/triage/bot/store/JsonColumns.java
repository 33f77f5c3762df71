package uk.nhs.triage.bot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.LabelScore;

/** Turns what the bot decided into the JSON kept in jsonb columns, readable by a person. */
final class JsonColumns {

  private final ObjectMapper mapper;

  JsonColumns(ObjectMapper mapper) {
    // ISO-8601 dates in stored JSON, so a person reading a row sees when, not a number.
    this.mapper = mapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  String write(Object value) {
    try {
      return PostgresText.cleanJson(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Label (wire name) to score, threshold and verdict. */
  String scores(Classification classification) {
    Map<String, Object> scores = new LinkedHashMap<>();
    classification
        .scores()
        .forEach(
            (label, score) ->
                scores.put(
                    label.wireName(),
                    Map.of(
                        "score", score.score(),
                        "threshold", score.threshold(),
                        "verdict", score.verdict().name())));
    return write(scores);
  }

  /** Label (wire name) to the rules that matched and the words they matched. */
  String evidence(Classification classification) {
    Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
    for (LabelScore score : classification.scores().values()) {
      if (!score.evidence().isEmpty()) {
        evidence.put(score.label().wireName(), score.evidence());
      }
    }
    return write(evidence);
  }
}
