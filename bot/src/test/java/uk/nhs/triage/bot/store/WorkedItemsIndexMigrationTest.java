package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.web.item.ItemFilter;
import uk.nhs.triage.bot.web.item.ItemQueries;
import uk.nhs.triage.bot.web.item.ItemRow;
import uk.nhs.triage.bot.web.item.QueueCursor;
import uk.nhs.triage.classifier.Label;

/**
 * V10 replaces V1's index over every item's status with one over the items a person has moved on
 * from 'new': on a database that holds items in every status, the queue page shows the same items
 * in the same order for every status filter and queue, page after page; a status page reads its
 * items from the new index, in order.
 */
class WorkedItemsIndexMigrationTest {

  @RegisterExtension static final TestDatabase DB = TestDatabase.empty();

  private static final Instant POSTED = Instant.parse("2026-03-02T09:15:00Z");
  private static final List<String> STATUSES =
      List.of("open", "all", "new", "in_progress", "waiting", "done", "dismissed");
  private static final Queue[] QUEUES = {Queue.COMMS, Queue.PALS, Queue.FOI};

  @Test
  void theQueuePageIsTheSameForEveryStatusAfterTheMigration() {
    DB.migrateTo("9");
    TriageStore store = DB.store();
    store.registerAccount("acc-v10", "x", "NHSBeforeV10");
    List<TriagedComment> batch = new ArrayList<>();
    Priority[] priorities = Priority.values();
    for (int i = 0; i < 60; i++) {
      // Due times repeat (ties broken by id) and some items have none (they sort last).
      Instant due = i % 7 == 0 ? null : POSTED.plusSeconds(3600L * (i % 5));
      Queue[] queues =
          i % 3 == 0 ? new Queue[] {Queue.COMMS} : new Queue[] {Queue.COMMS, QUEUES[i % 3]};
      batch.add(
          triaged(
              comment(
                  "acc-v10", "v10-" + i, new Author("a" + i % 9, "h", "n"), "text " + i, POSTED),
              classification(Label.NEGATIVE),
              decision(priorities[i % priorities.length], due, queues)));
    }
    store.saveBatch("acc-v10", batch, "before-v10");
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    """
                    UPDATE triage_item SET status = CASE id % 5 WHEN 1 THEN 'in_progress'
                        WHEN 2 THEN 'waiting' WHEN 3 THEN 'done' WHEN 4 THEN 'dismissed'
                        ELSE 'new' END
                    """));
    Map<String, List<Long>> before = pages();
    assertThat(before.get("done|all")).isNotEmpty();
    assertThat(before.get("waiting|FOI")).isNotEmpty();
    assertThat(indexes()).contains("triage_item_queue_listing_idx");

    DB.database().migrate();

    assertThat(pages()).isEqualTo(before);
    assertThat(indexes())
        .doesNotContain("triage_item_queue_listing_idx")
        .contains(
            "triage_item_worked_idx", "triage_item_open_keyset_idx", "triage_item_open_queues_idx");
    assertThat(
            DB.strings(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'triage_item_worked_idx'"))
        .singleElement()
        .asString()
        .contains("WHERE (status <> 'new'::text)");
    // A status page walks the new index in the page's order (no sort), as it would on a big table.
    String plan =
        DB.jdbi()
            .withHandle(
                h -> {
                  h.execute("SET enable_seqscan = off");
                  try {
                    return String.join(
                        "\n",
                        h.createQuery(
                                """
                                EXPLAIN SELECT t.id FROM triage_item t
                                 WHERE t.queues && ARRAY['PALS'] AND t.status = 'done'
                                 ORDER BY t.priority, coalesce(t.due_by, 'infinity'), t.id
                                 LIMIT 50
                                """)
                            .mapTo(String.class)
                            .list());
                  } finally {
                    h.execute("RESET enable_seqscan");
                  }
                });
    assertThat(plan).contains("triage_item_worked_idx").doesNotContain("Sort");
  }

  /** Every status filter and queue: the whole list, and the second page of five after a cursor. */
  private static Map<String, List<Long>> pages() {
    ItemQueries items = new ItemQueries(DB.jdbi(), TestDatabase.mapper());
    EnumSet<Queue> all = EnumSet.allOf(Queue.class);
    Map<String, List<Long>> pages = new LinkedHashMap<>();
    for (String status : STATUSES) {
      for (Queue queue : new Queue[] {null, Queue.COMMS, Queue.PALS, Queue.FOI}) {
        ItemFilter filter = new ItemFilter(queue, null, status, null, null);
        List<ItemRow> rows = items.list(filter, all, 100);
        String key = status + "|" + (queue == null ? "all" : queue.name());
        pages.put(key, rows.stream().map(ItemRow::id).toList());
        if (rows.size() > 5) {
          pages.put(
              key + "|after 5",
              items.page(filter, all, 5, QueueCursor.after(rows.get(4))).stream()
                  .map(ItemRow::id)
                  .toList());
          pages.put(
              key + "|before 6",
              items.page(filter, all, 3, QueueCursor.before(rows.get(5))).stream()
                  .map(ItemRow::id)
                  .toList());
        }
      }
    }
    return pages;
  }

  private static List<String> indexes() {
    return DB.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'triage_item'");
  }
}
