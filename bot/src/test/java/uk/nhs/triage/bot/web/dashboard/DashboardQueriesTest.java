package uk.nhs.triage.bot.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageStore;
import uk.nhs.triage.bot.web.CrisisRule;
import uk.nhs.triage.classifier.Label;

class DashboardQueriesTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static DashboardQueries queries;

  @BeforeAll
  static void store() {
    TriageStore store = DB.store();
    store.registerAccount("calm", "x", "calm");
    store.registerAccount("stormy", "x", "stormy");
    Instant now = Instant.now();
    List<TriagedComment> calm = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      calm.add(
          triaged(
              comment("calm", "c" + i, new Author("a" + i, "a" + i, "A"), "Thanks " + i, now),
              classification(Label.POSITIVE),
              decision(Priority.LOW, null, Queue.COMMS)));
    }
    store.saveBatch("calm", calm, null);
    List<TriagedComment> stormy = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      stormy.add(
          triaged(
              comment(
                  "stormy",
                  "s" + i,
                  new Author("b" + i, "b" + i, "B"),
                  "Awful " + i,
                  now.minus(Duration.ofMinutes(i))),
              classification(Label.NEGATIVE),
              decision(Priority.HIGH, null, Queue.COMMS)));
    }
    store.saveBatch("stormy", stormy, null);
    // A person first acts on the calm items 10, 20 and 60 minutes after they were created.
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    """
                    INSERT INTO audit_log (at, actor, action, entity, entity_id)
                    SELECT t.created_at + make_interval(mins => m), 'user:sam', 'triage_item.status',
                           'triage_item', CAST(t.id AS text)
                      FROM triage_item t
                      JOIN comment c ON c.id = t.comment_id
                      JOIN (VALUES ('c0', 10), ('c1', 20), ('c2', 60)) AS v(ext, m)
                        ON v.ext = c.external_id
                    """));
    queries = new DashboardQueries(DB.jdbi());
  }

  @Test
  void theMedianTimeToFirstActionCountsOnlyPeople() {
    Map<String, Duration> medians =
        queries.medianTimeToFirstAction(List.of(Queue.COMMS, Queue.PALS));
    assertThat(medians.get("COMMS")).isEqualTo(Duration.ofMinutes(20));
    assertThat(medians.get("PALS")).isNull();
  }

  @Test
  void aSurgeOnOneAccountRaisesACrisisForThatAccountOnly() {
    List<DashboardQueries.CrisisAlert> alerts = queries.crises(CrisisRule.DEFAULT);
    assertThat(alerts)
        .extracting(DashboardQueries.CrisisAlert::accountId)
        .containsExactly("stormy");
    assertThat(alerts.get(0).lastHour()).isEqualTo(8);
    assertThat(alerts.get(0).holdingStatementDue())
        .isBetween(
            Instant.now().plus(Duration.ofHours(3)), Instant.now().plus(Duration.ofHours(4)));
    assertThat(queries.crises(new CrisisRule(10, 4))).isEmpty();
  }

  @Test
  void volumesCountEveryLabelAndQueue() {
    assertThat(queries.volumePerLabel(14))
        .containsEntry("positive", 3L)
        .containsEntry("negative", 8L)
        .containsEntry("safeguarding", 0L);
    assertThat(queries.volumePerQueue(14, List.of(Queue.COMMS, Queue.FOI)))
        .containsEntry("COMMS", 11L)
        .containsEntry("FOI", 0L);
  }
}
