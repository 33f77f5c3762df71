package uk.nhs.triage.bot.web.item;

import java.util.List;
import uk.nhs.triage.bot.web.Format;

/** One line of the queue page as the page prints it, every value already formatted. */
public record QueueLine(
    long id,
    String priority,
    String due,
    boolean overdue,
    String queues,
    List<String> labels,
    String text,
    String author,
    String account,
    String status) {

  /** Comments longer than this are cut on the queue page; the item page shows the whole text. */
  static final int TEXT_LENGTH = 140;

  public static QueueLine of(ItemRow row, Format format) {
    return new QueueLine(
        row.id(),
        row.priority(),
        format.when(row.dueBy()),
        row.overdue(),
        String.join(" ", row.queues()),
        row.labels().stream().map(format::label).toList(),
        shorten(row.text()),
        row.authorHandle(),
        row.platform() + " / " + row.accountId(),
        format.label(row.status()) + (row.assignee() != null ? " · " + row.assignee() : ""));
  }

  static String shorten(String text) {
    if (text == null || text.length() <= TEXT_LENGTH) {
      return text;
    }
    return text.substring(0, TEXT_LENGTH - 3) + "...";
  }
}
