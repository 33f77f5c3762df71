package uk.nhs.triage.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.nhs.triage.bot.config.Account;
import uk.nhs.triage.bot.pipeline.AccountPollResult;
import uk.nhs.triage.bot.pipeline.PollCycle;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.store.TriageStore;

/** The running service: its database, its store, and a poll of every configured account. */
public final class TriageBot implements AutoCloseable {
  /** How far back an author's stored history is loaded: the longest persistent-user window. */
  private static final Duration HISTORY_WINDOW = Duration.ofDays(30);

  private final Wiring wiring;
  private final Database database;
  private final TriageStore store;
  private final PollCycle pollCycle;

  private TriageBot(Wiring wiring, Database database, Clock clock) {
    this.wiring = wiring;
    this.database = database;
    this.store = new TriageStore(database.jdbi(), JsonMapper.create());
    this.pollCycle = new PollCycle(wiring.triage(), store, clock, HISTORY_WINDOW);
  }

  /** Opens the database the config and environment choose, migrates it, registers the accounts. */
  public static TriageBot start(Wiring wiring, Map<String, String> environment, Clock clock) {
    Database database = DatabaseChoice.open(wiring.config().database(), environment);
    try {
      return start(wiring, database, clock);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public static TriageBot start(Wiring wiring, Database database, Clock clock) {
    database.migrate();
    TriageBot bot = new TriageBot(wiring, database, clock);
    for (Account account : wiring.config().enabledAccounts()) {
      bot.store.registerAccount(account.id(), account.platform(), account.handle());
    }
    return bot;
  }

  /** One poll of every enabled account; one account's failure does not stop the others. */
  public List<AccountPollResult> pollOnce() {
    List<AccountPollResult> results = new ArrayList<>();
    for (Account account : wiring.config().enabledAccounts()) {
      results.add(poll(account));
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

  private AccountPollResult poll(Account account) {
    return pollCycle.poll(account.id(), AccountAdapters.open(account));
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
