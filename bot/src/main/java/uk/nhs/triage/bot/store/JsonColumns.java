package uk.nhs.triage.bot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.LabelScore;

/** Turns what the bot decided into the JSON kept in json columns, readable by a person. */
final class JsonColumns {

  private final ObjectMapper mapper;

  JsonColumns(ObjectMapper mapper) {
    // ISO-8601 dates in stored JSON, so a person reading a row sees when, not a number.
    this.mapper = mapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * The value as Jackson writes it, not yet cleaned of NUL escapes (the caller's column writer
   * cleans them): for the values {@link #value} does not write itself.
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
   * What a buffer holds as the text of a json column: NUL escapes removed (PostgreSQL refuses
   * them).
   */
  private static String cleaned(JsonChars json) {
    return PostgresText.cleanJson(json.toString());
  }

  /** Label (wire name) to score, threshold and verdict. */
  String scores(Classification classification) {
    return cleaned(scoresInto(classification, new JsonChars()));
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
    return cleaned(evidenceInto(classification, stored, new JsonChars()));
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

  /** What the router decided, as {@link #decisionInto} writes it. */
  String decision(Decision decision) {
    return cleaned(decisionInto(decision, new JsonChars()));
  }

  /**
   * {@code decision} into {@code into} (emptied first), as Jackson writes the record: its
   * components in order, queues in the set's own order, instants and dates as ISO-8601 text, nulls
   * written. Written directly, not through Jackson: a backfill writes one for every comment.
   */
  JsonChars decisionInto(Decision decision, JsonChars into) {
    into.reset().raw("{\"queues\":");
    value(decision.queues(), into);
    into.raw(",\"actions\":");
    value(decision.actions(), into);
    into.raw(",\"priority\":").string(decision.priority().name());
    into.raw(",\"dueBy\":");
    value(decision.dueBy(), into);
    into.raw(",\"replyTemplate\":");
    value(decision.replyTemplate(), into);
    into.raw(",\"replyDraft\":");
    value(decision.replyDraft(), into);
    into.raw(",\"foi\":");
    foiInto(decision.foi(), into);
    into.raw(",\"media\":");
    mediaInto(decision.media(), into);
    into.raw(",\"reasons\":");
    value(decision.reasons(), into);
    return into.raw('}');
  }

  /** The FOI assessment as Jackson writes the record: its components in order, nulls written. */
  private void foiInto(FoiAssessment foi, JsonChars into) {
    if (foi == null) {
      into.raw("null");
      return;
    }
    into.raw("{\"receivedAt\":");
    value(foi.receivedAt(), into);
    into.raw(",\"dueDate\":");
    value(foi.dueDate(), into);
    into.raw(",\"requesterName\":");
    value(foi.requesterName(), into);
    into.raw(",\"realNameDiscernible\":").raw(foi.realNameDiscernible() ? "true" : "false");
    into.raw(",\"addressForCorrespondence\":")
        .raw(foi.addressForCorrespondence() ? "true" : "false");
    into.raw(",\"describesInformation\":").raw(foi.describesInformation() ? "true" : "false");
    into.raw('}');
  }

  /** The media enquiry as Jackson writes the record: its components in order, nulls written. */
  private void mediaInto(MediaEnquiry media, JsonChars into) {
    if (media == null) {
      into.raw("null");
      return;
    }
    into.raw("{\"outlet\":");
    value(media.outlet(), into);
    into.raw(",\"journalist\":");
    value(media.journalist(), into);
    into.raw(",\"nature\":");
    value(media.nature(), into);
    into.raw(",\"deadlineText\":");
    value(media.deadlineText(), into);
    into.raw(",\"deadline\":");
    value(media.deadline(), into);
    into.raw('}');
  }

  /** An outbox payload or audit detail, as {@link #objectInto} writes it. */
  String object(Map<String, ?> values) {
    return cleaned(objectInto(values, new JsonChars()));
  }

  /**
   * {@code values} into {@code into} (emptied first) as one JSON object, keys in the map's order,
   * each value as Jackson writes it (see {@link #value}). Written directly, not through Jackson: a
   * backfill writes an audit detail for every comment and a payload for every email.
   */
  JsonChars objectInto(Map<String, ?> values, JsonChars into) {
    into.reset().raw('{');
    boolean first = true;
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      if (!first) {
        into.raw(',');
      }
      first = false;
      into.string(entry.getKey()).raw(':');
      value(entry.getValue(), into);
    }
    return into.raw('}');
  }

  /**
   * One value as Jackson writes it with this mapper: null, strings, booleans, whole numbers,
   * doubles, enums by name, instants and dates as ISO-8601 text, collections as arrays; anything
   * else through Jackson itself.
   */
  private void value(Object value, JsonChars into) {
    switch (value) {
      case null -> into.raw("null");
      case String text -> into.string(text);
      case Long number -> into.raw(Long.toString(number));
      case Integer number -> into.raw(Integer.toString(number));
      case Boolean bool -> into.raw(bool.toString());
      case Double number -> into.number(number);
      // Jackson's InstantSerializer and LocalDateSerializer use ISO_INSTANT and ISO_LOCAL_DATE,
      // which is what toString() writes.
      case Instant instant -> into.string(IsoInstants.text(instant));
      case LocalDate date -> into.string(date.toString());
      case Enum<?> constant -> into.string(constant.name());
      case Collection<?> values -> {
        into.raw('[');
        boolean first = true;
        for (Object element : values) {
          if (!first) {
            into.raw(',');
          }
          first = false;
          value(element, into);
        }
        into.raw(']');
      }
      default -> into.raw(serialize(value));
    }
  }
}
