package uk.nhs.triage.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.store.TestDatabase;

/** The demo feed through the whole flow into PostgreSQL: adapter, classifier, router, store. */
class DemoFeedEndToEndTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Clock MONDAY_MORNING =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void theDemoFeedBecomesTriageItemsOnceAndOnlyOnce() {
    TriageConfig config = TriageConfig.load(Path.of("..", "config", "demo", "triage.yml"));
    TriageBot bot = TriageBot.start(Wiring.of(config), DB.database(), MONDAY_MORNING);
    long feedLines = 70;

    AccountPollResult first = bot.pollOnce().get(0);
    assertThat(first.succeeded()).isTrue();
    assertThat(first.received()).isEqualTo(feedLines);
    assertThat(first.stored()).isEqualTo(feedLines);

    assertThat(DB.count("SELECT count(*) FROM comment")).isEqualTo(feedLines);
    assertThat(DB.count("SELECT count(*) FROM classification")).isEqualTo(feedLines);
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(feedLines);
    assertThat(DB.count("SELECT count(*) FROM audit_log")).isGreaterThanOrEqualTo(feedLines);

    // The policy's own example reaches Quality and PALS at once, with an apology draft.
    List<String> gwh =
        DB.strings(
            "SELECT array_to_string(t.queues, ',') || ' ' || t.priority || ' '"
                + " || coalesce(t.reply_template, '-')"
                + " FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                + " WHERE c.text LIKE 'My father is at GWH%'");
    assertThat(gwh)
        .singleElement()
        .asString()
        .contains("QUALITY")
        .contains("PALS")
        .contains("URGENT");

    // Every possible FOI request has a case with its statutory date; every press contact a log
    // line.
    long foiItems = DB.count("SELECT count(*) FROM triage_item WHERE 'FOI' = ANY(queues)");
    assertThat(foiItems).isGreaterThanOrEqualTo(3);
    assertThat(DB.count("SELECT count(*) FROM foi_case WHERE due_date IS NOT NULL"))
        .isEqualTo(foiItems);
    assertThat(DB.count("SELECT count(*) FROM media_enquiry")).isGreaterThanOrEqualTo(3);
    assertThat(DB.count("SELECT count(*) FROM triage_item WHERE 'SAFEGUARDING' = ANY(queues)"))
        .isGreaterThanOrEqualTo(2);

    // One email notification per team that must act (comms works from the queue itself), and
    // one to the media lead per press contact.
    long teamMemberships =
        DB.count("SELECT count(*) FROM triage_item, unnest(queues) q WHERE q <> 'COMMS'")
            + DB.count("SELECT count(*) FROM media_enquiry");
    assertThat(DB.count("SELECT count(*) FROM outbox")).isEqualTo(teamMemberships);

    // Nothing new on the second poll.
    AccountPollResult second = bot.pollOnce().get(0);
    assertThat(second.received()).isZero();
    assertThat(second.stored()).isZero();

    // Even a replay from the start (a cursor lost in a crash) stores nothing twice.
    DB.jdbi().useHandle(h -> h.execute("UPDATE account SET cursor = NULL"));
    AccountPollResult replay = bot.pollOnce().get(0);
    assertThat(replay.received()).isEqualTo(feedLines);
    assertThat(replay.stored()).isZero();
    assertThat(DB.count("SELECT count(*) FROM triage_item")).isEqualTo(feedLines);
    assertThat(DB.count("SELECT count(*) FROM outbox")).isEqualTo(teamMemberships);
    assertThat(DB.count("SELECT count(*) FROM foi_case")).isEqualTo(foiItems);
  }
}
