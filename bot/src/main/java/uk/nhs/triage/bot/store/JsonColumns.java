package uk.nhs.triage.bot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.LabelScore;

/** Turns what the bot decided into the JSON kept in json columns, readable by a person. */
final class JsonColumns {

  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  JsonColumns(ObjectMapper mapper) {
    // ISO-8601 dates in stored JSON, so a person reading a row sees when, not a number.
    this.mapper = mapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    // Writing into a JsonChars must not close it: the caller reads it afterwards.
    this.writer = this.mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  String write(Object value) {
    return PostgresText.cleanJson(serialize(value));
  }

  /**
   * The value as JSON, not yet cleaned of NUL escapes: for {@link CopyRows#json}, which cleans it
   * while escaping it for COPY.
   */
  String serialize(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #serialize} into {@code into} (emptied first) instead of a new string: the same JSON
   * text.
   */
  JsonChars serializeInto(Object value, JsonChars into) {
    try {
      writer.writeValue(into.reset(), value);
      return into;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Label (wire name) to score, threshold and verdict. */
  String scores(Classification classification) {
    return write(scoresValue(classification));
  }

  /** {@link #scores} before it is written as JSON. */
  Map<String, Object> scoresValue(Classification classification) {
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
    return scores;
  }

  /**
   * Label (wire name) to the rules that matched and the words they matched; a rule stored in {@code
   * rule_line} ({@code stored}) is named by its reference, any other is written in full.
   */
  String evidence(Classification classification, Set<RuleLines.Key> stored) {
    return write(evidenceValue(classification, stored));
  }

  /** {@link #evidence} before it is written as JSON. */
  Map<String, List<StoredEvidence>> evidenceValue(
      Classification classification, Set<RuleLines.Key> stored) {
    Map<String, List<StoredEvidence>> evidence = new LinkedHashMap<>();
    for (LabelScore score : classification.scores().values()) {
      if (!score.evidence().isEmpty()) {
        List<StoredEvidence> rules = new ArrayList<>(score.evidence().size());
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

  /** One matched rule as stored: by reference to its rule line, or in full. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredEvidence(String ref, String rule, List<String> matched, double weight) {}
}
