package uk.nhs.triage.bot.web.item;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import uk.nhs.triage.bot.routing.Priority;

/**
 * A place in the queue's order (priority, then due-by with none last, then item id), and whether
 * the page wanted lies after it or before it. Carried in the next and previous links as {@code
 * after=} or {@code before=} with a token such as {@code HIGH.1763900000000000.4711} (due-by in
 * microseconds since 1970, {@code none} when nothing is due).
 */
public record QueueCursor(Priority priority, Instant dueBy, long id, boolean before) {

  /** The place of a row: the page after it. */
  public static QueueCursor after(ItemRow row) {
    return new QueueCursor(priority(row.priority()), row.dueBy(), row.id(), false);
  }

  /** The place of a row: the page before it. */
  public static QueueCursor before(ItemRow row) {
    return new QueueCursor(priority(row.priority()), row.dueBy(), row.id(), true);
  }

  /**
   * @throws IllegalArgumentException naming the token when it is not one this class wrote
   */
  public static QueueCursor parse(String token, boolean before) {
    String[] parts = token.strip().split("\\.");
    try {
      if (parts.length != 3) {
        throw new IllegalArgumentException("three parts expected");
      }
      Instant due =
          parts[1].equals("none")
              ? null
              : Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
      return new QueueCursor(
          Priority.valueOf(parts[0].toUpperCase(Locale.ROOT)),
          due,
          Long.parseLong(parts[2]),
          before);
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "page position '" + token + "' is not one the queue page wrote: open the queue again");
    }
  }

  public String token() {
    return priority.name()
        + "."
        + (dueBy == null ? "none" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, dueBy)))
        + "."
        + id;
  }

  /** The query parameter that carries this cursor in a link. */
  public String parameter() {
    return (before ? "before=" : "after=") + token();
  }

  private static Priority priority(String name) {
    return Priority.valueOf(name);
  }
}
