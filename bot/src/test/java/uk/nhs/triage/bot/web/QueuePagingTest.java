package uk.nhs.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.OpenCounts;
import uk.nhs.triage.bot.store.QueueCount;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * The queue page pages by position: following "Next" shows every open item once, in the queue's
 * order, and "Previous" shows the page before, with items that have no due-by last.
 */
class QueuePagingTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Pattern ITEM_LINK = Pattern.compile("href=\"/items/(\\d+)\"");
  private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
  private static final Pattern PREVIOUS = Pattern.compile("href=\"([^\"]+)\" rel=\"prev\"");

  private static WebFixture app;

  @BeforeAll
  static void start() {
    app = WebFixture.start(DB);
    // 130 more comms items over every priority; every seventh has no due-by, and many share one.
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    """
                    INSERT INTO comment (platform, external_id, account_id, author_key,
                                         author_handle, author_name, text, fetched_at, raw_payload)
                    SELECT 'replay', 'paging-' || g, 'demo', 'p' || g, 'pager' || g, 'Pager',
                           'Paging comment ' || g, now(), '{}'
                      FROM generate_series(1, 130) AS g;
                    INSERT INTO triage_item (comment_id, queues, actions, priority, due_by,
                                             status, decision)
                    SELECT c.id, ARRAY['COMMS'], ARRAY['ACKNOWLEDGE_AND_THANK'],
                           (ARRAY['URGENT', 'HIGH', 'NORMAL', 'LOW'])[1 + c.id % 4]::triage_priority,
                           CASE WHEN c.id % 7 = 0 THEN NULL
                                ELSE date_trunc('hour', now()) + (c.id % 5) * interval '1 hour'
                           END,
                           'new', '{}'
                      FROM comment c WHERE c.external_id LIKE 'paging-%';
                    """));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void followingNextShowsEveryOpenItemOnceInTheQueuesOrder() {
    WebClient comms = signedIn();
    List<Long> seen = new ArrayList<>();
    String page = comms.get("/queue").body();
    assertThat(page).doesNotContain("rel=\"prev\"");
    int pages = 1;
    while (true) {
      List<Long> ids = items(page);
      assertThat(ids).hasSizeLessThanOrEqualTo(50);
      seen.addAll(ids);
      Matcher next = NEXT.matcher(page);
      if (!next.find()) {
        break;
      }
      assertThat(ids).hasSize(50);
      page = comms.get(next.group(1).replace("&amp;", "&")).body();
      pages++;
      assertThat(page).contains("Page " + pages);
    }
    assertThat(seen).containsExactlyElementsOf(expectedOrder());
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void previousShowsThePageBeforeAndTheFirstPageIsWhole() {
    WebClient comms = signedIn();
    String first = comms.get("/queue").body();
    String second = comms.get(link(NEXT, first)).body();
    String third = comms.get(link(NEXT, second)).body();

    String backToSecond = comms.get(link(PREVIOUS, third)).body();
    assertThat(items(backToSecond)).isEqualTo(items(second));
    assertThat(backToSecond).contains("Page 2");

    String backToFirst = comms.get(link(PREVIOUS, backToSecond)).body();
    assertThat(items(backToFirst)).isEqualTo(items(first)).hasSize(50);
    assertThat(backToFirst).contains("Page 1").doesNotContain("rel=\"prev\"");
  }

  @Test
  void theHeaderCountsEveryOpenItemInEachOfItsQueues() {
    List<QueueCount> counts = new OpenCounts(DB.jdbi()).get();
    for (QueueCount count : counts) {
      // Counted the plain way, one row per item and queue, as a check on the grouped count.
      long plain =
          DB.count(
              "SELECT count(*) FROM triage_item WHERE status NOT IN ('done', 'dismissed')"
                  + " AND '"
                  + count.queue().name()
                  + "' = ANY(queues)");
      assertThat(count.openItems()).as(count.queue().name()).isEqualTo(plain);
    }
    assertThat(counts)
        .contains(new QueueCount(Queue.COMMS, expectedOrder().size()))
        .anyMatch(c -> c.queue() == Queue.QUALITY && c.openItems() > 0);
  }

  @Test
  void aPositionTheAppDidNotWriteIsRefusedPlainly() {
    assertThat(signedIn().get("/queue?after=DROP%20TABLE").statusCode()).isEqualTo(400);
    assertThat(signedIn().get("/queue?before=SOON.1.2").statusCode()).isEqualTo(400);
  }

  private static List<Long> expectedOrder() {
    record Open(long id, Priority priority, Instant dueBy) {}
    List<Open> open =
        DB.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT id, priority::text AS priority, due_by FROM triage_item
                             WHERE 'COMMS' = ANY(queues) AND status NOT IN ('done', 'dismissed')
                            """)
                        .map(
                            (rs, ctx) ->
                                new Open(
                                    rs.getLong("id"),
                                    Priority.valueOf(rs.getString("priority")),
                                    rs.getTimestamp("due_by") == null
                                        ? null
                                        : rs.getTimestamp("due_by").toInstant()))
                        .list());
    return open.stream()
        .sorted(
            Comparator.comparing(Open::priority)
                .thenComparing(Open::dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Open::id))
        .map(Open::id)
        .toList();
  }

  private static WebClient signedIn() {
    WebClient client = new WebClient(app.base());
    client.signIn("comms", WebFixture.PASSWORD);
    return client;
  }

  private static List<Long> items(String page) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ITEM_LINK.matcher(page);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static String link(Pattern which, String page) {
    Matcher m = which.matcher(page);
    assertThat(m.find()).as("a link " + which + " on the page").isTrue();
    return m.group(1).replace("&amp;", "&");
  }
}
