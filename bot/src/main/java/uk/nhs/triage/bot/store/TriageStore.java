package uk.nhs.triage.bot.store;

import static uk.nhs.triage.bot.store.PostgresText.clean;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.adapters.AccountStats;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Action;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.AuthorHistory;
import uk.nhs.triage.classifier.AuthorHistory.PriorComment;
import uk.nhs.triage.classifier.Label;

/**
 * Where triaged comments are kept: accounts and their cursors, comments with their classification
 * and triage item, FOI cases, the media log, the outbox and the audit log.
 */
public final class TriageStore {

  /** Statuses in which a triage item still needs someone's attention. */
  private static final String OPEN_ITEM = "t.status NOT IN ('done', 'dismissed')";

  private static final String WHOLE_BATCH = "whole_batch";
  private static final Logger LOG = LoggerFactory.getLogger(TriageStore.class);

  private final Jdbi jdbi;
  private final JsonColumns json;
  private final AccountHealthRows health;
  private final KnownRuleLines knownRules = new KnownRuleLines();

  public TriageStore(Jdbi jdbi, ObjectMapper mapper) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.json = new JsonColumns(Objects.requireNonNull(mapper, "mapper"));
    this.health = new AccountHealthRows(jdbi);
  }

  /** Adds an account, or updates its platform and handle; its cursor and health are kept. */
  public void registerAccount(String accountId, String platform, String handle) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO account (id, platform, handle) VALUES (:id, :platform, :handle)
                    ON CONFLICT (id) DO UPDATE SET platform = excluded.platform,
                                                   handle = excluded.handle
                    """)
                .bind("id", clean(accountId))
                .bind("platform", clean(platform))
                .bind("handle", clean(handle))
                .execute());
  }

  /** Where the account's next poll starts; empty before its first successful poll. */
  public Optional<String> cursor(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT cursor FROM account WHERE id = :id")
                .bind("id", accountId)
                .mapTo(String.class)
                .findOne());
  }

  /**
   * Stores a polled batch and moves the account's cursor, all in one transaction: either every new
   * comment is stored with its work and the cursor moves, or nothing changes. A comment already
   * stored (same platform and external id) is skipped and nothing about it changes.
   *
   * @throws BatchNotStoredException when a comment cannot be stored (nothing is)
   * @throws IllegalArgumentException when the account was never registered
   */
  public SaveResult saveBatch(String accountId, List<TriagedComment> batch, String newCursor) {
    return saveBatch(prepare(accountId, batch), newCursor);
  }

  /**
   * Makes a batch ready to store, outside the transaction that will store it (a poll does it on the
   * thread that classified the batch, while the page before is being stored): finds the comments
   * not stored yet, reserves their ids and renders their rows for COPY (binary format). Stores
   * nothing but the rule lines their evidence names.
   */
  public PreparedBatch prepare(String accountId, List<TriagedComment> batch) {
    if (batch.isEmpty()) {
      return new PreparedBatch(accountId, batch, List.of(), List.of());
    }
    return jdbi.withHandle(h -> new BatchPreparer(h, json, knownRules).prepare(accountId, batch));
  }

  /**
   * {@link #saveBatch(String, List, String)} of a batch {@link #prepare}d before: the same
   * guarantees, whatever was stored between preparing and saving.
   */
  public SaveResult saveBatch(PreparedBatch prepared, String newCursor) {
    String accountId = prepared.accountId();
    List<TriagedComment> batch = prepared.comments();
    return jdbi.inTransaction(
        h -> {
          int stored = storeComments(h, prepared);
          int accounts =
              h.createUpdate(
                      """
                      UPDATE account
                         SET cursor = :cursor, last_poll_at = now(), last_success_at = now(),
                             last_error = NULL, healthy = true, consecutive_failures = 0,
                             rate_limited_until = NULL,
                             comments_seen = comments_seen + :stored
                       WHERE id = :id
                      """)
                  .bind("cursor", clean(newCursor))
                  .bind("stored", stored)
                  .bind("id", accountId)
                  .execute();
          if (accounts == 0) {
            throw new IllegalArgumentException(
                "account '" + accountId + "' is not registered: call registerAccount first");
          }
          return new SaveResult(batch.size(), stored, batch.size() - stored);
        });
  }

  /**
   * The whole batch in a few statements; should that fail, once more leaving out the comments
   * stored since it was prepared, if any were; should that fail too, the comments one by one, which
   * names the comment at fault (and stores the batch after all if the fault was only in writing it
   * whole).
   */
  private int storeComments(Handle h, PreparedBatch prepared) {
    List<TriagedComment> batch = prepared.comments();
    String accountId = prepared.accountId();
    if (batch.isEmpty()) {
      return 0;
    }
    h.savepoint(WHOLE_BATCH);
    TriagedBatchWriter writer = new TriagedBatchWriter(h);
    RuntimeException failure;
    try {
      return writer.write(prepared, Set.of());
    } catch (JdbiException | CopyRows.CopyFailedException wholeBatchFailed) {
      // Most likely another poll stored one of the comments since the batch was prepared: look
      // which, and write the others. If none was, the same rows would fail the same way.
      h.rollbackToSavepoint(WHOLE_BATCH);
      failure = wholeBatchFailed;
    }
    Set<Long> storedSince = writer.storedSince(prepared);
    if (!storedSince.isEmpty()) {
      try {
        return writer.write(prepared, storedSince);
      } catch (JdbiException | CopyRows.CopyFailedException othersFailed) {
        h.rollbackToSavepoint(WHOLE_BATCH);
        failure = othersFailed;
      }
    }
    int stored = storeOneByOne(h, accountId, batch);
    LOG.warn(
        "account {}: a batch of {} comments could not be written whole but could one by one: {}",
        accountId,
        batch.size(),
        failure.getMessage());
    return stored;
  }

  private int storeOneByOne(Handle h, String accountId, List<TriagedComment> batch) {
    TriagedCommentWriter writer = new TriagedCommentWriter(h, json);
    int stored = 0;
    for (int i = 0; i < batch.size(); i++) {
      TriagedComment triaged = batch.get(i);
      try {
        if (writer.write(accountId, triaged)) {
          stored++;
        }
      } catch (JdbiException e) {
        throw new BatchNotStoredException(
            "comment %s:%s (item %d of %d for account '%s') could not be stored, so none of the batch was and the cursor stays: %s"
                .formatted(
                    triaged.comment().platform(),
                    triaged.comment().externalId(),
                    i + 1,
                    batch.size(),
                    accountId,
                    e.getMessage()),
            e);
      }
    }
    return stored;
  }

  /**
   * Marks the account unhealthy with the reason (a refused token, a page that cannot be read, ...)
   * and counts the failure; its cursor stays where it was. The next successful save marks it
   * healthy again.
   */
  public void recordPollFailure(String accountId, String error) {
    health.failed(accountId, error);
  }

  /**
   * Records that the platform asked us to wait until {@code until}: the account is not polled
   * before then. Its health and cursor are untouched (pages saved before the limit stay saved).
   */
  public void recordRateLimit(String accountId, Instant until, String error) {
    health.rateLimited(accountId, until, error);
  }

  /** When the account's rate limit ends, if one was recorded and no poll succeeded since. */
  public Optional<Instant> rateLimitedUntil(String accountId) {
    return health.rateLimitedUntil(accountId);
  }

  /** True when the account's platform figures were not asked for in the last day. */
  public boolean accountStatsDue(String accountId, Instant now) {
    return health.statsDue(accountId, now);
  }

  /** Keeps the platform's figures for the account, read at {@code at}. */
  public void recordAccountStats(String accountId, AccountStats stats, Instant at) {
    health.stats(accountId, stats, at);
  }

  /** Notes a failed attempt to read the figures (so it is not retried before tomorrow). */
  public void recordAccountStatsFailure(String accountId, String error, Instant at) {
    health.statsFailed(accountId, error, at);
  }

  /**
   * Every registered account's polling health and closure criteria (002 §10.1, thresholds in {@link
   * ClosureCriteria}) evaluated at {@code now}, by account id.
   */
  public List<AccountHealthView> accountHealth(Instant now) {
    return health.all(now);
  }

  /** {@link #accountHealth(Instant)} as of this moment. */
  public List<AccountHealthView> accountHealth() {
    return accountHealth(Instant.now());
  }

  /**
   * The author's comments on the platform posted at or after {@code since} (all of them when null),
   * oldest first, each with the labels that fired on it.
   */
  public AuthorHistory authorHistory(String platform, String authorKey, Instant since) {
    if (authorKey == null) {
      return AuthorHistory.NONE;
    }
    List<PriorComment> prior =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT coalesce(c.created_at, c.fetched_at) AS at, cl.labels
                          FROM comment c
                          LEFT JOIN classification cl ON cl.comment_id = c.id
                         WHERE c.platform = :platform AND c.author_key = :authorKey
                           AND (CAST(:since AS timestamptz) IS NULL
                                OR coalesce(c.created_at, c.fetched_at) >= :since)
                         ORDER BY at, c.id
                        """)
                    .bind("platform", clean(platform))
                    .bind("authorKey", clean(authorKey))
                    .bindByType("since", TriageRecords.utc(since), OffsetDateTime.class)
                    .map((rs, ctx) -> new PriorComment(instant(rs, "at"), labels(rs, "labels")))
                    .list());
    return new AuthorHistory(prior);
  }

  /**
   * {@link #authorHistory} of many authors of one platform in one query, by author key; an author
   * with no stored comment since then is left out.
   */
  public Map<String, AuthorHistory> authorHistories(
      String platform, Collection<String> authorKeys, Instant since) {
    Map<String, List<PriorComment>> prior = new HashMap<>();
    if (authorKeys.isEmpty()) {
      return Map.of();
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT c.author_key, coalesce(c.created_at, c.fetched_at) AS at, cl.labels
                      FROM comment c
                      LEFT JOIN classification cl ON cl.comment_id = c.id
                     WHERE c.platform = :platform AND c.author_key = ANY(:authorKeys)
                       AND (CAST(:since AS timestamptz) IS NULL
                            OR coalesce(c.created_at, c.fetched_at) >= :since)
                     ORDER BY c.author_key, at, c.id
                    """)
                .bind("platform", clean(platform))
                .bindArray(
                    "authorKeys",
                    String.class,
                    authorKeys.stream().map(PostgresText::clean).toList())
                .bindByType("since", TriageRecords.utc(since), OffsetDateTime.class)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString("author_key"),
                            new PriorComment(instant(rs, "at"), labels(rs, "labels"))))
                .forEach(
                    row ->
                        prior
                            .computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                            .add(row.getValue())));
    Map<String, AuthorHistory> histories = new HashMap<>();
    for (String key : authorKeys) {
      List<PriorComment> found = prior.get(PostgresText.clean(key));
      if (found != null) {
        histories.put(key, new AuthorHistory(found));
      }
    }
    return histories;
  }

  /** Open triage items per queue, every queue listed (zero when empty), in queue order. */
  public List<QueueCount> queueCounts() {
    return new OpenCounts(jdbi).get();
  }

  /**
   * The queue's open items, most urgent first, then soonest due (none due last), in the queue
   * page's order: read from V7's open-queue index, {@code triage_item_open_keyset_idx}.
   */
  public List<TriageItemView> itemsInQueue(Queue queue, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT t.id, c.platform, c.external_id, c.author_handle, c.text, cl.labels,
                           t.priority::text AS priority, t.due_by, t.actions, t.status
                      FROM triage_item t
                      JOIN comment c ON c.id = t.comment_id
                      LEFT JOIN classification cl ON cl.comment_id = c.id
                     WHERE t.queues @> ARRAY[CAST(:queue AS text)] AND %s
                     ORDER BY t.priority, coalesce(t.due_by, 'infinity'), t.id
                     LIMIT :limit
                    """
                        .formatted(OPEN_ITEM))
                .bind("queue", queue.name())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new TriageItemView(
                            rs.getLong("id"),
                            rs.getString("platform"),
                            rs.getString("external_id"),
                            rs.getString("author_handle"),
                            rs.getString("text"),
                            List.copyOf(labels(rs, "labels")),
                            Priority.valueOf(rs.getString("priority")),
                            instant(rs, "due_by"),
                            enumValues(Action.class, rs.getArray("actions")),
                            rs.getString("status")))
                .list());
  }

  /** FOI cases not yet closed, soonest due first. */
  public List<FoiCaseView> openFoiCases() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT f.*, c.platform, c.external_id, c.text
                      FROM foi_case f JOIN comment c ON c.id = f.comment_id
                     WHERE f.status IN ('open', 'clarification_sought')
                     ORDER BY f.due_date, f.reference
                    """)
                .map(
                    (rs, ctx) ->
                        new FoiCaseView(
                            rs.getString("reference"),
                            rs.getLong("comment_id"),
                            rs.getString("platform"),
                            rs.getString("external_id"),
                            rs.getString("text"),
                            instant(rs, "received_at"),
                            rs.getObject("due_date", LocalDate.class),
                            rs.getString("requester_name"),
                            rs.getBoolean("real_name_discernible"),
                            rs.getBoolean("address_present"),
                            rs.getBoolean("description_present"),
                            rs.getString("status")))
                .list());
  }

  /** Every media enquiry, newest first. */
  public List<MediaEnquiryView> mediaLog() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT m.*, c.platform, c.external_id
                      FROM media_enquiry m JOIN comment c ON c.id = m.comment_id
                     ORDER BY m.created_at DESC, m.id DESC
                    """)
                .map(
                    (rs, ctx) ->
                        new MediaEnquiryView(
                            rs.getLong("id"),
                            rs.getString("platform"),
                            rs.getString("external_id"),
                            rs.getString("outlet"),
                            rs.getString("journalist"),
                            rs.getString("nature"),
                            rs.getString("deadline_text"),
                            instant(rs, "deadline"),
                            rs.getString("status"),
                            instant(rs, "created_at")))
                .list());
  }

  /** Outbox entries (emails, replies) not yet sent. */
  public int pendingOutbox() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
                .mapTo(Integer.class)
                .one());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Set<Label> labels(ResultSet rs, String column) throws SQLException {
    Set<Label> labels = EnumSet.noneOf(Label.class);
    for (String name : strings(rs.getArray(column))) {
      // A label retired from the rules may remain on old rows; it no longer means anything.
      try {
        labels.add(Label.fromWireName(name));
      } catch (IllegalArgumentException retired) {
        continue;
      }
    }
    return labels;
  }

  static <E extends Enum<E>> List<E> enumValues(Class<E> type, Array array) throws SQLException {
    List<E> values = new ArrayList<>();
    for (String name : strings(array)) {
      enumValue(type, name).ifPresent(values::add);
    }
    return values;
  }

  private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name));
    } catch (IllegalArgumentException retired) {
      return Optional.empty();
    }
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
