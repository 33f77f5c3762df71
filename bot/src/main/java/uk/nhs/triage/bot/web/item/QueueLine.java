package uk.nhs.triage.bot.web.item;

import java.util.List;
import uk.nhs.triage.bot.web.Format;

/**
 * One line of the queue page as the page prints it, every value already formatted.
 *
 * <p>A JavaBean on purpose: Thymeleaf reads {@code ${line.priority}} through a getter without OGNL,
 * whereas a method call such as {@code ${row.priority()}} goes through OGNL, which locks the called
 * {@link java.lang.reflect.Method} on every call and so queued fifty users' page renders behind one
 * another (seen with JFR under the load test).
 */
public final class QueueLine {
  /** Comments longer than this are cut on the queue page; the item page shows the whole text. */
  static final int TEXT_LENGTH = 140;

  private final long id;
  private final String priority;
  private final String due;
  private final boolean overdue;
  private final String queues;
  private final List<String> labels;
  private final String text;
  private final String author;
  private final String account;
  private final String status;

  private QueueLine(ItemRow row, Format format) {
    this.id = row.id();
    this.priority = row.priority();
    this.due = format.when(row.dueBy());
    this.overdue = row.overdue();
    this.queues = String.join(" ", row.queues());
    this.labels = row.labels().stream().map(format::label).toList();
    this.text = shorten(row.text());
    this.author = row.authorHandle();
    this.account = row.platform() + " / " + row.accountId();
    this.status =
        format.label(row.status()) + (row.assignee() != null ? " · " + row.assignee() : "");
  }

  public static QueueLine of(ItemRow row, Format format) {
    return new QueueLine(row, format);
  }

  static String shorten(String text) {
    if (text == null || text.length() <= TEXT_LENGTH) {
      return text;
    }
    return text.substring(0, TEXT_LENGTH - 3) + "...";
  }

  public long getId() {
    return id;
  }

  public String getLink() {
    return "/items/" + id;
  }

  /** The row's class: overdue rows stand out. */
  public String getRowClass() {
    return overdue ? "overdue" : null;
  }

  public String getPriorityClass() {
    return "priority " + priority;
  }

  public String getPriority() {
    return priority;
  }

  public String getDue() {
    return due;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public String getQueues() {
    return queues;
  }

  public List<String> getLabels() {
    return labels;
  }

  public String getText() {
    return text;
  }

  public String getAuthor() {
    return author;
  }

  public String getAccount() {
    return account;
  }

  public String getStatus() {
    return status;
  }
}
