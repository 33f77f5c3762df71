package uk.nhs.triage.adapters.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Figures as platforms send them: numbers, or numbers in strings (YouTube), or absent. */
public final class JsonNumbers {
  private JsonNumbers() {}

  /** The whole number at {@code node}, or null when absent or not a number. */
  public static Integer integerOrNull(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asInt();
    }
    try {
      return Integer.valueOf(node.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An ISO-8601 instant ({@code 2026-11-20T09:00:00Z}, {@code ...000Z}), or null. */
  public static Instant instantOrNull(JsonNode node) {
    String text = node == null ? "" : node.asText("");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
