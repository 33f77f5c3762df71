package uk.nhs.triage.adapters.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Graph's date format, shared by Facebook and Instagram: {@code 2024-05-14T09:41:02+0000}. The
 * offset has no colon, so {@code ISO_OFFSET_DATE_TIME} rejects it.
 */
public final class GraphDates {
  private static final DateTimeFormatter GRAPH =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  private GraphDates() {}

  /**
   * @return the instant, or null when the text is not a Graph date
   */
  public static Instant parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, GRAPH).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
