package uk.nhs.triage.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageStore;

/**
 * A journalist's follow-up, a day after the first enquiry and in a later poll, names no outlet; it
 * reaches the media log because the bot reads the author's stored history (press_contact.rules
 * follow_up_window), and a stranger's same words do not.
 */
class JournalistFollowUpTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant FIRST = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant NEXT = Instant.parse("2026-11-24T09:00:00Z");
  private static final Author REPORTER = new Author("r-1", "sam_courier", "Sam Reed");
  private static final String FOLLOW_UP =
      "One more: how many beds did the ward have before it closed, and how many now?";

  private static PollCycle cycle(TriageStore store, Instant now) {
    TriageConfig config = TriageConfig.load(Path.of("..", "config", "demo", "triage.yml"));
    Wiring wiring = Wiring.of(config);
    return new PollCycle(wiring.triage(), store, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static SourceAdapter one(String id, Author author, String text, Instant at) {
    return cursor ->
        new Page(
            List.of(new Comment("replay", id, "news", author, text, at, null, null, null)),
            id,
            false,
            List.of());
  }

  private static List<String> mediaLog() {
    return DB.strings(
        "SELECT c.external_id FROM media_enquiry m JOIN comment c ON c.id = m.comment_id"
            + " WHERE c.account_id = 'news' ORDER BY c.external_id");
  }

  @Test
  void aJournalistsFollowUpInALaterPollReachesTheMediaLog() {
    TriageStore store = DB.store();
    store.registerAccount("news", "replay", null);

    cycle(store, FIRST)
        .poll(
            "news",
            one(
                "n-1",
                REPORTER,
                "Hi, Sam Reed, health reporter at the Courier. Could your press office comment on"
                    + " the closure of the children's ward?",
                FIRST));
    cycle(store, NEXT).poll("news", one("n-2", REPORTER, FOLLOW_UP, NEXT));
    cycle(store, NEXT)
        .poll("news", one("n-3", new Author("p-9", "curious_pat", null), FOLLOW_UP, NEXT));

    assertThat(mediaLog()).containsExactly("n-1", "n-2");
    assertThat(
            DB.strings(
                "SELECT cl.evidence::text FROM classification cl JOIN comment c"
                    + " ON c.id = cl.comment_id WHERE c.external_id = 'n-2'"))
        .singleElement()
        .asString()
        .contains("follows up the author's press_contact comment");
  }
}
