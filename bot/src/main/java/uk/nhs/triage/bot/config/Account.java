package uk.nhs.triage.bot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One corporate presence on one platform, as configured.
 *
 * @param id our id for the account, unique in the config
 * @param platform one of {@link TriageConfig#PLATFORMS}
 * @param handle the account's handle or page name (may be null for a replay account)
 * @param pollInterval how often to fetch new comments (default two minutes)
 * @param baseUrl the platform API's base url when not the default (tests, proxies), else null
 * @param credentials credential name to the NAME of the environment variable holding it
 * @param options platform-specific settings, e.g. {@code file} for a replay account
 * @param enabled false to keep the account in the file without polling it
 * @param configFolder the folder relative option paths resolve against
 */
public record Account(
    String id,
    String platform,
    String handle,
    Duration pollInterval,
    URI baseUrl,
    Map<String, String> credentials,
    Map<String, String> options,
    boolean enabled,
    Path configFolder) {
  public Account {
    credentials = Map.copyOf(credentials);
    options = Map.copyOf(options);
  }

  /** The secrets themselves, read now from the environment variables the config names. */
  public Map<String, String> resolveCredentials() {
    return resolveCredentials(System::getenv);
  }

  public Map<String, String> resolveCredentials(Function<String, String> environment) {
    Map<String, String> secrets = new LinkedHashMap<>();
    credentials.forEach((name, variable) -> secrets.put(name, environment.apply(variable)));
    return secrets;
  }

  /** An option naming a file, resolved against the config file's folder; null when absent. */
  public Path optionPath(String key) {
    String value = options.get(key);
    return value == null ? null : configFolder.resolve(value).normalize();
  }
}
