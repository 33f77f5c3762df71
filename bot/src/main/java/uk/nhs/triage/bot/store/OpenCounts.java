package uk.nhs.triage.bot.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.bot.routing.Queue;

/**
 * Open items per queue for the queue page's header, counted per combination of queues and added up
 * here: PostgreSQL reads the V7 index {@code triage_item_open_queues_idx} alone and aggregates a
 * handful of groups instead of unnesting every open item's queues (about 40 ms instead of 150 ms
 * over 100,000 items, on one process instead of two: the load test showed the old count as a pause
 * every time the counts were refreshed).
 */
public final class OpenCounts {
  private final Jdbi jdbi;

  public OpenCounts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Every queue, in the enum's order, with its open items (0 when none). */
  public List<QueueCount> get() {
    Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
    for (Queue queue : Queue.values()) {
      counts.put(queue, 0);
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT queues, count(*) AS n FROM triage_item
                     WHERE status NOT IN ('done', 'dismissed')
                     GROUP BY queues
                    """)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            TriageStore.enumValues(Queue.class, rs.getArray("queues")),
                            rs.getInt("n")))
                .forEach(
                    group -> {
                      for (Queue queue : group.getKey()) {
                        counts.merge(queue, group.getValue(), Integer::sum);
                      }
                    }));
    return counts.entrySet().stream().map(e -> new QueueCount(e.getKey(), e.getValue())).toList();
  }
}
