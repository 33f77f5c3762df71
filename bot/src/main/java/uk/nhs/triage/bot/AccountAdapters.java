package uk.nhs.triage.bot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.ReplyTarget;
import uk.nhs.triage.adapters.SourceAdapter;
import uk.nhs.triage.adapters.bluesky.BlueskyNotificationsAdapter;
import uk.nhs.triage.adapters.facebook.FacebookPageAdapter;
import uk.nhs.triage.adapters.instagram.InstagramAdapter;
import uk.nhs.triage.adapters.replay.ReplayAdapter;
import uk.nhs.triage.adapters.twitter.XMentionsAdapter;
import uk.nhs.triage.adapters.youtube.YouTubeCommentsAdapter;
import uk.nhs.triage.bot.config.Account;

/** Opens the adapter for a configured account, by its platform. */
public final class AccountAdapters {
  private static final int REPLAY_PAGE_SIZE = 500;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private AccountAdapters() {}

  /** The account's adapter, its secrets read from this process's environment. */
  public static SourceAdapter open(Account account) {
    return open(account, System.getenv());
  }

  /**
   * The way back to the account's platform, for posting approved replies and hiding comments; empty
   * for an account that cannot post (a replay account). Secrets are read from {@code environment}.
   */
  public static Optional<ReplyTarget> replyTarget(
      Account account, Map<String, String> environment) {
    if (account.platform().equals("replay")) {
      return Optional.empty();
    }
    return open(account, environment) instanceof ReplyTarget target
        ? Optional.of(target)
        : Optional.empty();
  }

  /** The account's adapter, its secrets read from {@code environment}. */
  public static SourceAdapter open(Account account, Map<String, String> environment) {
    return switch (account.platform()) {
      case "replay" ->
          new ReplayAdapter(account.id(), replayFile(account), replayPageSize(account));
      case "facebook" -> new FacebookPageAdapter(settings(account, environment));
      case "instagram" -> new InstagramAdapter(settings(account, environment));
      case "x" -> new XMentionsAdapter(settings(account, environment));
      case "youtube" -> new YouTubeCommentsAdapter(settings(account, environment));
      case "bluesky" -> new BlueskyNotificationsAdapter(settings(account, environment));
      default ->
          throw new IllegalStateException(
              "account " + account.id() + ": platform " + account.platform() + " has no adapter");
    };
  }

  /** What a platform adapter needs, with the secrets read now from the environment. */
  static AccountSettings settings(Account account, Map<String, String> environment) {
    return new AccountSettings(
        account.id(),
        account.platform(),
        account.handle(),
        account.baseUrl() == null ? null : account.baseUrl().toString(),
        account.resolveCredentials(environment::get),
        account.options(),
        timeout(account));
  }

  private static Duration timeout(Account account) {
    String value = account.options().get("timeout");
    if (value == null) {
      return DEFAULT_TIMEOUT;
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "account " + account.id() + ": options.timeout '" + value + "' is not like PT30S", e);
    }
  }

  /** Comments per page (and so per stored batch) of a replay account: option {@code page_size}. */
  private static int replayPageSize(Account account) {
    String value = account.options().get("page_size");
    if (value == null) {
      return REPLAY_PAGE_SIZE;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below with the account and the value
    }
    throw new IllegalArgumentException(
        "account "
            + account.id()
            + ": options.page_size '"
            + value
            + "' is not a whole number >= 1");
  }

  private static Path replayFile(Account account) {
    return account.optionPath("file");
  }
}
