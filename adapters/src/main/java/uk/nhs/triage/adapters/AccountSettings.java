package uk.nhs.triage.adapters;

import java.time.Duration;
import java.util.Map;

/**
 * What an adapter needs to reach one account.
 *
 * @param id our id for the account (from config)
 * @param platform {@code x}, {@code facebook}, {@code instagram}, {@code youtube}, {@code bluesky}
 *     or {@code replay}
 * @param handle the account's handle or page/channel id on the platform
 * @param baseUrl the platform's API base URL, overridable so tests can point it at a stub (null:
 *     the platform's real one)
 * @param secrets credentials by name (e.g. {@code bearer_token}), already read from the environment
 *     variables the config names; never logged, never put in a message
 * @param options platform-specific settings (e.g. replay {@code file})
 * @param timeout the time-out of every call to the platform
 */
public record AccountSettings(
    String id,
    String platform,
    String handle,
    String baseUrl,
    Map<String, String> secrets,
    Map<String, String> options,
    Duration timeout) {
  public AccountSettings {
    secrets = Map.copyOf(secrets);
    options = Map.copyOf(options);
  }

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return "AccountSettings[id=" + id + ", platform=" + platform + ", handle=" + handle + "]";
  }
}
