package uk.nhs.triage.bot.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
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
    return PostgresText.cleanJson(scoresInto(classification, new JsonChars()).toString());
  }

  /**
   * {@link #scores} into {@code into} (emptied first): {@code {"negative": {"score": 1.5,
   * "threshold": 1.0, "verdict": "FIRED"}, ...}} without spaces, labels in the classification's
   * order. Written directly, not through Jackson: a backfill writes one for every comment.
   */
  JsonChars scoresInto(Classification classification, JsonChars into) {
    into.reset().raw('{');
    boolean first = true;
    for (LabelScore score : classification.scores().values()) {
      if (!first) {
        into.raw(',');
      }
      first = false;
      into.string(score.label().wireName())
          .raw(":{\"score\":")
          .number(score.score())
          .raw(",\"threshold\":")
          .number(score.threshold())
          .raw(",\"verdict\":")
          .string(score.verdict().name())
          .raw('}');
    }
    return into.raw('}');
  }

  /**
   * Label (wire name) to the rules that matched and the words they matched; a rule stored in {@code
   * rule_line} ({@code stored}) is named by its reference, any other is written in full.
   */
  String evidence(Classification classification, Set<RuleLines.Key> stored) {
    return PostgresText.cleanJson(evidenceInto(classification, stored, new JsonChars()).toString());
  }

  /**
   * {@link #evidence} into {@code into} (emptied first), each matched rule as {@code {"ref": ...,
   * "matched": [...], "weight": 1.0}} or with {@code "rule"} in place of {@code "ref"} (neither
   * when the rule has no text), labels with no evidence left out. Written directly, not through
   * Jackson: a backfill writes one for every comment.
   */
  JsonChars evidenceInto(Classification classification, Set<RuleLines.Key> stored, JsonChars into) {
    into.reset().raw('{');
    boolean firstLabel = true;
    for (LabelScore score : classification.scores().values()) {
      if (score.evidence().isEmpty()) {
        continue;
      }
      if (!firstLabel) {
        into.raw(',');
      }
      firstLabel = false;
      into.string(score.label().wireName()).raw(":[");
      boolean firstRule = true;
      for (Evidence e : score.evidence()) {
        if (!firstRule) {
          into.raw(',');
        }
        firstRule = false;
        into.raw('{');
        String ref = e.ref();
        if (ref != null && stored.contains(RuleLines.key(classification, ref))) {
          into.raw("\"ref\":").string(ref).raw(',');
        } else if (e.rule() != null) {
          into.raw("\"rule\":").string(e.rule()).raw(',');
        }
        into.raw("\"matched\":[");
        for (int i = 0; i < e.matched().size(); i++) {
          if (i > 0) {
            into.raw(',');
          }
          into.string(e.matched().get(i));
        }
        into.raw("],\"weight\":").number(e.weight()).raw('}');
      }
      into.raw(']');
    }
    return into.raw('}');
  }
}
