package uk.nhs.triage.bot;

import java.nio.file.Path;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.replay.ReplayAdapter;
import uk.nhs.triage.bot.config.Account;
import uk.nhs.triage.bot.config.ConfigException;

/** Opens the adapter for a configured account, by its platform. */
public final class AccountAdapters {
  private static final int REPLAY_PAGE_SIZE = 500;

  private AccountAdapters() {}

  public static SourceAdapter open(Account account) {
    return switch (account.platform()) {
      case "replay" -> new ReplayAdapter(account.id(), replayFile(account), REPLAY_PAGE_SIZE);
      default ->
          throw new ConfigException(
              "account " + account.id() + ": platform " + account.platform() + " has no adapter yet");
    };
  }

  private static Path replayFile(Account account) {
    Path file = account.optionPath("file");
    if (file == null) {
      throw new ConfigException("account " + account.id() + ": a replay account needs options.file");
    }
    return file;
  }
}
