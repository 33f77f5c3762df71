package uk.nhs.triage.bot.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.FoiCaseView;
import uk.nhs.triage.bot.store.MediaEnquiryView;
import uk.nhs.triage.bot.store.QueueCount;
import uk.nhs.triage.bot.store.TriageItemView;
import uk.nhs.triage.bot.store.TriageStore;
import uk.nhs.triage.classifier.Label;

/** Prints what is waiting in each team's queue, the FOI cases and the media log. */
final class QueueSummary {
  private QueueSummary() {}

  static void print(PrintStream out, TriageStore store, int itemsPerQueue) {
    out.println("Open triage items per queue:");
    for (QueueCount count : store.queueCounts()) {
      out.printf(Locale.ROOT, "  %-13s %4d%n", count.queue(), count.openItems());
    }
    for (Queue queue : Queue.values()) {
      var items = store.itemsInQueue(queue, itemsPerQueue);
      if (items.isEmpty()) {
        continue;
      }
      out.printf(Locale.ROOT, "%n== %s ==%n", queue);
      for (TriageItemView item : items) {
        out.printf(
            Locale.ROOT,
            "  [%-6s] due %-17s %-36s %s%n           %s%n",
            item.priority(),
            item.dueBy() == null ? "-" : item.dueBy().toString().substring(0, 16),
            item.labels().stream().map(Label::wireName).collect(Collectors.joining(",")),
            item.authorHandle() == null ? "" : "@" + item.authorHandle(),
            snippet(item.text()));
      }
    }
    var cases = store.openFoiCases();
    if (!cases.isEmpty()) {
      out.printf(Locale.ROOT, "%n== FOI cases (the FOI team decides validity) ==%n");
      for (FoiCaseView c : cases) {
        out.printf(
            Locale.ROOT,
            "  %s received %s due %s  name %s, address %s, description %s%n           %s%n",
            c.reference(),
            c.receivedAt().toString().substring(0, 10),
            c.dueDate(),
            c.realNameDiscernible() ? c.requesterName() : "MISSING",
            c.addressPresent() ? "given" : "MISSING",
            c.descriptionPresent() ? "given" : "MISSING",
            snippet(c.text()));
      }
    }
    var media = store.mediaLog();
    if (!media.isEmpty()) {
      out.printf(Locale.ROOT, "%n== Media log (never answered on social media) ==%n");
      for (MediaEnquiryView m : media) {
        out.printf(
            Locale.ROOT,
            "  outlet %s, journalist %s, deadline %s%n           %s%n",
            orDash(m.outlet()),
            orDash(m.journalist()),
            m.deadline() != null ? m.deadline() : orDash(m.deadlineText()),
            snippet(m.nature()));
      }
    }
    out.printf(Locale.ROOT, "%nNotifications waiting in the outbox: %d%n", store.pendingOutbox());
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }

  private static String snippet(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 110 ? flat.substring(0, 107) + "..." : flat;
  }
}
