package uk.nhs.triage.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.RateLimitedException;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.replay.ReplayAdapter;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult.Outcome;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageStore;

/** A limit or a broken page part-way through a poll: what was saved stays, the rest waits. */
class PollCycleRateLimitTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Path FEED = Path.of("..", "config", "demo", "feed.jsonl");

  /** The demo feed in pages of ten, with the platform stepping in after the first page. */
  private static SourceAdapter firstPageThen(String accountId, Exception failure) {
    ReplayAdapter replay = new ReplayAdapter(accountId, FEED, 10);
    return cursor -> {
      if (cursor != null) {
        throw failure instanceof RateLimitedException r ? r : (MalformedPageException) failure;
      }
      Page page = replay.poll(null);
      assertThat(page.more()).isTrue();
      return page;
    };
  }

  private static PollCycle cycle(TriageStore store) {
    TriageConfig config = TriageConfig.load(Path.of("..", "config", "demo", "triage.yml"));
    return new PollCycle(Wiring.of(config).triage(), store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void pagesSavedBeforeALimitStayAndTheCursorStopsAfterThem() {
    TriageStore store = DB.store();
    store.registerAccount("limited", "replay", null);
    Instant reset = NOW.plus(Duration.ofMinutes(15));

    AccountPollResult result =
        cycle(store)
            .poll("limited", firstPageThen("limited", new RateLimitedException("429", reset)));

    assertThat(result.outcome()).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(result.stored()).isEqualTo(10);
    assertThat(result.retryAt()).isEqualTo(reset);
    assertThat(DB.count("SELECT count(*) FROM comment WHERE account_id = 'limited'")).isEqualTo(10);
    assertThat(store.cursor("limited")).isPresent();
    assertThat(store.rateLimitedUntil("limited")).contains(reset);
  }

  @Test
  void aBrokenPageNeverMovesTheCursorPastWhatWasSaved() {
    TriageStore store = DB.store();
    store.registerAccount("broken", "replay", null);

    AccountPollResult result =
        cycle(store)
            .poll(
                "broken",
                firstPageThen(
                    "broken",
                    new MalformedPageException(
                        "account broken: GET https://example/p?access_token=*** answered 200 but"
                            + " not JSON",
                        null)));
    String cursorAfterFirstPage = store.cursor("broken").orElseThrow();

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.error()).startsWith("unreadable page: account broken: GET");
    assertThat(
            cycle(store)
                .poll("broken", firstPageThen("broken", new MalformedPageException("again", null)))
                .stored())
        .isZero();
    assertThat(store.cursor("broken")).contains(cursorAfterFirstPage);
    assertThat(store.rateLimitedUntil("broken")).isEmpty();
  }
}
