package uk.nhs.triage.bot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.triage.bot.calendar.WorkingCalendar;
import uk.nhs.triage.bot.routing.Queue;

/**
 * The bot's configuration, read from one YAML file. Paths in it are resolved against that file's
 * folder. Secrets are never in the file: it names the environment variables that hold them.
 *
 * @param file the file it was read from
 * @param rules the keyword rules folder
 * @param routing the routing file
 * @param templates the reply templates folder
 * @param destinations the email address each queue's notifications go to
 * @param smtp the mail server notifications go through, or null when the file has no {@code smtp}
 *     section (then nothing can be emailed)
 * @param outbox how the outbox sender retries
 * @param mediaDestination where media enquiries are emailed ({@code destinations.media}), or null
 *     to send them to the comms destination
 */
public record TriageConfig(
    Path file,
    Organisation organisation,
    DatabaseSettings database,
    Path rules,
    Path routing,
    Path templates,
    CalendarSettings calendar,
    List<Account> accounts,
    Map<Queue, String> destinations,
    // --- outbox sender (notify): smtp, outbox, destinations.media ---
    SmtpSettings smtp,
    OutboxSettings outbox,
    String mediaDestination) {

  /** The platforms the adapters module can poll. */
  public static final Set<String> PLATFORMS =
      Set.of("x", "facebook", "instagram", "youtube", "bluesky", "replay");

  public TriageConfig {
    accounts = List.copyOf(accounts);
    destinations = Map.copyOf(destinations);
    outbox = outbox == null ? OutboxSettings.DEFAULTS : outbox;
  }

  /** A configuration without mail settings: nothing is emailed. */
  public TriageConfig(
      Path file,
      Organisation organisation,
      DatabaseSettings database,
      Path rules,
      Path routing,
      Path templates,
      CalendarSettings calendar,
      List<Account> accounts,
      Map<Queue, String> destinations) {
    this(
        file,
        organisation,
        database,
        rules,
        routing,
        templates,
        calendar,
        accounts,
        destinations,
        null,
        OutboxSettings.DEFAULTS,
        null);
  }

  /** Reads and checks the file, with secrets looked up in this process's environment. */
  public static TriageConfig load(Path file) {
    return load(file, System.getenv());
  }

  /**
   * Reads and checks the file against the given environment.
   *
   * @throws ConfigException naming the file, the key path and what is wrong
   */
  public static TriageConfig load(Path file, Map<String, String> environment) {
    return new TriageConfigReader(file.toAbsolutePath().normalize(), environment).read();
  }

  public WorkingCalendar workingCalendar() {
    return calendar.load();
  }

  /** The configured account with this id, enabled or not. */
  public java.util.Optional<Account> account(String id) {
    return accounts.stream().filter(account -> account.id().equals(id)).findFirst();
  }

  /** Accounts to poll: the enabled ones. */
  public List<Account> enabledAccounts() {
    return accounts.stream().filter(Account::enabled).toList();
  }
}
