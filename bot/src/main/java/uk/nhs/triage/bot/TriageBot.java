package uk.nhs.triage.bot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.bot.calendar.CalendarCoverage;
import uk.nhs.triage.bot.config.Account;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.pipeline.AccountStatsCheck;
import uk.nhs.triage.bot.pipeline.PollCycle;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.store.TriageStore;

/** The running service: its database, its store, and a poll of every configured account. */
public final class TriageBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TriageBot.class);

  private final Wiring wiring;
  private final Database database;
  private final TriageStore store;
  private final PollCycle pollCycle;
  private final AccountStatsCheck statsCheck;
  private final CalendarCoverage calendarCoverage;
  private final Map<String, String> environment;
  private final Clock clock;

  private TriageBot(
      Wiring wiring, Database database, Map<String, String> environment, Clock clock) {
    this.wiring = wiring;
    this.database = database;
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.store = new TriageStore(database.jdbi(), JsonMapper.create());
    this.pollCycle = new PollCycle(wiring.triage(), store, clock);
    this.statsCheck = new AccountStatsCheck(store, clock);
    this.calendarCoverage = new CalendarCoverage(wiring.router().calendar(), clock);
  }

  /** Opens the database the config and environment choose, migrates it, registers the accounts. */
  public static TriageBot start(Wiring wiring, Map<String, String> environment, Clock clock) {
    Database database = DatabaseChoice.open(wiring.config().database(), environment);
    try {
      return start(wiring, database, environment, clock);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Uses a database already open; account secrets are read from this process's environment. */
  public static TriageBot start(Wiring wiring, Database database, Clock clock) {
    return start(wiring, database, System.getenv(), clock);
  }

  /**
   * Uses a database already open (migrating it); account secrets are read from {@code environment},
   * so tests need no real environment variables.
   */
  public static TriageBot start(
      Wiring wiring, Database database, Map<String, String> environment, Clock clock) {
    database.migrate();
    TriageBot bot = new TriageBot(wiring, database, environment, clock);
    bot.calendarCoverage.logIfDue();
    for (Account account : wiring.config().enabledAccounts()) {
      bot.store.registerAccount(account.id(), account.platform(), account.handle());
    }
    return bot;
  }

  /** One poll of every enabled account; one account's failure does not stop the others. */
  public List<AccountPollResult> pollOnce() {
    calendarCoverage.logIfDue();
    List<AccountPollResult> results = new ArrayList<>();
    for (Account account : wiring.config().enabledAccounts()) {
      try {
        results.add(poll(account));
      } catch (RuntimeException e) {
        // A database hiccup or a bug in one account's poll must not cost the others theirs.
        log.error("account {}: poll broke off: {}", account.id(), e.toString(), e);
        results.add(AccountPollResult.broken(account.id(), e.toString()));
      }
    }
    return results;
  }

  /** One poll of one account, by its id in the config. */
  public AccountPollResult poll(String accountId) {
    return wiring.config().enabledAccounts().stream()
        .filter(account -> account.id().equals(accountId))
        .findFirst()
        .map(this::poll)
        .orElseThrow(() -> new IllegalArgumentException("no enabled account " + accountId));
  }

  /**
   * Skips an account whose rate limit has not reset; else polls it and, when the poll went well,
   * reads its platform figures if a day old. An adapter that cannot even be opened (a missing
   * secret, a bad option) fails this account only.
   */
  private AccountPollResult poll(Account account) {
    Optional<Instant> limited = store.rateLimitedUntil(account.id());
    if (limited.isPresent() && limited.get().isAfter(clock.instant())) {
      log.info("account {}: rate limited until {}, not polled", account.id(), limited.get());
      return AccountPollResult.skipped(account.id(), limited.get());
    }
    SourceAdapter adapter;
    try {
      adapter = AccountAdapters.open(account, environment);
    } catch (RuntimeException e) {
      String reason = "cannot open the adapter: " + e.getMessage();
      log.error("account {}: {}", account.id(), reason);
      store.recordPollFailure(account.id(), reason);
      return AccountPollResult.broken(account.id(), reason);
    }
    AccountPollResult result = pollCycle.poll(account.id(), adapter);
    if (result.outcome() == AccountPollResult.Outcome.OK) {
      statsCheck.checkIfDue(account.id(), adapter);
    }
    return result;
  }

  public TriageConfig config() {
    return wiring.config();
  }

  public Database database() {
    return database;
  }

  public List<Account> accounts() {
    return wiring.config().enabledAccounts();
  }

  public TriageStore store() {
    return store;
  }

  @Override
  public void close() {
    database.close();
  }
}
