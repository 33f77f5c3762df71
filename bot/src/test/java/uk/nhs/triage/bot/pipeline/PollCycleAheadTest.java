package uk.nhs.triage.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult.Outcome;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageStore;

/**
 * The next page is classified while one is stored: pages must still be saved in order, and a page
 * that cannot be stored stops the poll with the cursor after the last saved page.
 */
class PollCycleAheadTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static PollCycle cycle(TriageStore store) {
    TriageConfig config = TriageConfig.load(Path.of("..", "config", "demo", "triage.yml"));
    return new PollCycle(Wiring.of(config).triage(), store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Pages of five comments, cursors p1, p2, ...; {@code broken} page has an empty external id. */
  private static SourceAdapter pages(String accountId, int count, int broken, AtomicInteger asked) {
    return cursor -> {
      asked.incrementAndGet();
      int number = cursor == null ? 1 : Integer.parseInt(cursor.substring(1)) + 1;
      List<Comment> comments = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        String id = number == broken && i == 3 ? "" : accountId + "-" + number + "-" + i;
        comments.add(
            new Comment(
                "replay",
                id,
                accountId,
                new Author("author-" + i, "author" + i, null),
                "Thank you to the ward staff, page " + number,
                NOW.minusSeconds(600 - number * 10L - i),
                null,
                null,
                null));
      }
      return new Page(comments, "p" + number, number < count, List.of());
    };
  }

  @Test
  void pagesAreSavedInTheOrderFetchedAndTheCursorEndsAtTheLast() {
    TriageStore store = DB.store();
    store.registerAccount("ahead", "replay", null);

    AccountPollResult result =
        cycle(store).poll("ahead", pages("ahead", 6, 0, new AtomicInteger()));

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.stored()).isEqualTo(30);
    assertThat(store.cursor("ahead")).contains("p6");
    List<String> expected = new ArrayList<>();
    for (int page = 1; page <= 6; page++) {
      for (int i = 1; i <= 5; i++) {
        expected.add("ahead-" + page + "-" + i);
      }
    }
    assertThat(DB.strings("SELECT external_id FROM comment WHERE account_id = 'ahead' ORDER BY id"))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aPageThatCannotBeStoredStopsThePollWithTheCursorAfterTheLastSavedPage() {
    TriageStore store = DB.store();
    store.registerAccount("stops", "replay", null);
    AtomicInteger asked = new AtomicInteger();

    AccountPollResult result = cycle(store).poll("stops", pages("stops", 6, 3, asked));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stored()).isEqualTo(10);
    assertThat(store.cursor("stops")).contains("p2");
    assertThat(DB.count("SELECT count(*) FROM comment WHERE account_id = 'stops'")).isEqualTo(10);
    assertThat(
            DB.count(
                "SELECT count(*) FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'stops'"))
        .isEqualTo(10);
    // At most the two pages after the broken one were fetched ahead (one prepared, one classified
    // while it was being stored); nothing past them.
    assertThat(asked.get()).isBetween(3, 5);

    AccountPollResult again = cycle(store).poll("stops", pages("stops", 6, 0, new AtomicInteger()));

    assertThat(again.stored()).isEqualTo(20);
    assertThat(store.cursor("stops")).contains("p6");
    assertThat(DB.count("SELECT count(*) FROM comment WHERE account_id = 'stops'")).isEqualTo(30);
  }
}
