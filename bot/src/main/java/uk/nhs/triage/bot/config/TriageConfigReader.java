package uk.nhs.triage.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import uk.nhs.triage.bot.routing.Queue;

/** Turns the YAML tree into a {@link TriageConfig}, checking every key on the way. */
final class TriageConfigReader {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Path file;
  private final Path folder;
  private final Map<String, String> environment;
  private final NotifyConfigReader notify;

  TriageConfigReader(Path file, Map<String, String> environment) {
    this.file = file;
    this.folder = file.getParent();
    this.environment = environment;
    this.notify = new NotifyConfigReader();
  }

  TriageConfig read() {
    YamlNode root = YamlNode.read(file);
    root.allowOnly(
        "organisation",
        "database",
        "rules",
        "routing",
        "templates",
        "calendar",
        "accounts",
        "destinations",
        "smtp",
        "outbox",
        // Read by the web app (uk.nhs.triage.bot.web.WebSettings), not here.
        "web",
        // Read by the retention purge (uk.nhs.triage.bot.governance.RetentionSettings).
        "retention");
    return new TriageConfig(
        file,
        organisation(root.required("organisation")),
        database(root.get("database")),
        existingPath(root.get("rules"), "rules", true),
        existingPath(root.get("routing"), "routing.yml", false),
        existingPath(root.get("templates"), "templates", true),
        calendar(root.get("calendar")),
        accounts(root.required("accounts")),
        destinations(root.get("destinations")),
        notify.smtp(root.get("smtp")),
        notify.outbox(root.get("outbox")),
        notify.mediaDestination(root.get("destinations")));
  }

  private Organisation organisation(YamlNode node) {
    node.allowOnly("name", "pals_phone", "pals_email", "foi_email");
    return new Organisation(
        node.requiredText("name"),
        node.requiredText("pals_phone"),
        email(node.required("pals_email")),
        email(node.required("foi_email")));
  }

  private DatabaseSettings database(YamlNode node) {
    if (!node.present()) {
      return new DatabaseSettings(null, null, null);
    }
    node.allowOnly("url", "user", "password_env");
    String url = node.text("url", null);
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw node.get("url").error("expected a jdbc:postgresql: url but found '" + url + "'");
    }
    String passwordEnv = null;
    YamlNode password = node.get("password_env");
    if (password.present()) {
      passwordEnv = envName(password);
      // The password is only needed to reach a server; the embedded database makes its own.
      if (url != null) {
        requireSet(password, passwordEnv);
      }
    }
    return new DatabaseSettings(url, node.text("user", null), passwordEnv);
  }

  private CalendarSettings calendar(YamlNode node) {
    if (node.present()) {
      node.allowOnly("bank_holidays", "zone", "office_hours");
    }
    Path holidays = existingPath(node.get("bank_holidays"), "calendar/bank-holidays.csv", false);
    ZoneId zone;
    YamlNode zoneNode = node.get("zone");
    try {
      zone = ZoneId.of(node.text("zone", "Europe/London"));
    } catch (DateTimeException e) {
      throw zoneNode.error("unknown time zone '" + zoneNode.text() + "'");
    }
    YamlNode hours = node.get("office_hours");
    if (hours.present()) {
      hours.allowOnly("start", "end");
    }
    LocalTime start = time(hours.get("start"), "09:00");
    LocalTime end = time(hours.get("end"), "17:00");
    if (!start.isBefore(end)) {
      throw hours.error("office hours must start before they end, got " + start + "-" + end);
    }
    return new CalendarSettings(holidays, zone, start, end);
  }

  private List<Account> accounts(YamlNode node) {
    List<Account> accounts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode item : node.list()) {
      Account account = account(item);
      if (!ids.add(account.id())) {
        throw item.get("id").error("duplicate account id '" + account.id() + "'");
      }
      accounts.add(account);
    }
    return accounts;
  }

  private Account account(YamlNode node) {
    node.allowOnly(
        "id",
        "platform",
        "handle",
        "poll_interval",
        "base_url",
        "credentials",
        "options",
        "enabled");
    String id = node.requiredText("id");
    YamlNode platformNode = node.required("platform");
    String platform = platformNode.text().toLowerCase(Locale.ROOT);
    if (!TriageConfig.PLATFORMS.contains(platform)) {
      throw platformNode.error(
          "unknown platform '"
              + platformNode.text()
              + "' (expected one of "
              + new TreeSet<>(TriageConfig.PLATFORMS)
              + ")");
    }
    String handle = node.text("handle", null);
    if (handle == null && !platform.equals("replay")) {
      throw node.get("handle").error("missing required key (the account's handle or page name)");
    }
    boolean enabled = node.bool("enabled", true);
    Map<String, String> credentials = node.get("credentials").textMap();
    for (var entry : node.get("credentials").entries().entrySet()) {
      String variable = envName(entry.getValue());
      // A disabled account is not polled, so its secrets need not be set yet.
      if (enabled) {
        requireSet(entry.getValue(), variable);
      }
    }
    Map<String, String> options = node.get("options").textMap();
    if (platform.equals("replay") && !options.containsKey("file")) {
      throw node.get("options").get("file").error("missing required key (the feed to replay)");
    }
    return new Account(
        id,
        platform,
        handle,
        duration(node.get("poll_interval"), "PT2M"),
        uri(node.get("base_url")),
        credentials,
        options,
        enabled,
        folder);
  }

  private Map<Queue, String> destinations(YamlNode node) {
    Map<Queue, String> destinations = new EnumMap<>(Queue.class);
    node.entries()
        .forEach(
            (key, value) -> {
              if (key.equals(NotifyConfigReader.MEDIA)) {
                return;
              }
              Queue queue;
              try {
                queue = Queue.valueOf(key.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw value.error(
                    "unknown queue (expected one of comms, pals, foi, quality, safeguarding,"
                        + " or media)");
              }
              destinations.put(queue, email(value));
            });
    return destinations;
  }

  private Path existingPath(YamlNode node, String fallback, boolean folderExpected) {
    String text = node.present() ? node.text() : fallback;
    Path path;
    try {
      path = folder.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw node.error("not a valid path: " + e.getMessage());
    }
    boolean ok =
        Files.isReadable(path)
            && (folderExpected ? Files.isDirectory(path) : Files.isRegularFile(path));
    if (!ok) {
      throw node.error(
          (folderExpected ? "folder " : "file ")
              + path
              + " does not exist or is not readable"
              + (node.present() ? "" : " (the default when the key is absent)"));
    }
    return path;
  }

  static String envName(YamlNode node) {
    String name = node.text();
    if (!ENV_NAME.matcher(name).matches()) {
      throw node.error(
          "expected the NAME of an environment variable (letters, digits, _); "
              + "secrets never go in this file");
    }
    return name;
  }

  private void requireSet(YamlNode node, String variable) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw node.error("environment variable " + variable + " is not set");
    }
  }

  static String email(YamlNode node) {
    String text = node.text();
    if (!EMAIL.matcher(text).matches()) {
      throw node.error("expected an email address but found '" + text + "'");
    }
    return text;
  }

  private static LocalTime time(YamlNode node, String fallback) {
    if (!node.present()) {
      return LocalTime.parse(fallback);
    }
    try {
      return LocalTime.parse(node.text());
    } catch (DateTimeParseException e) {
      throw node.error("expected a time like 09:00 but found '" + node.text() + "'");
    }
  }

  static Duration duration(YamlNode node, String fallback) {
    String text = node.present() ? node.text() : fallback;
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw node.error("expected an ISO-8601 duration like PT2M but found '" + text + "'");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw node.error("must be longer than zero");
    }
    return duration;
  }

  private static URI uri(YamlNode node) {
    if (!node.present()) {
      return null;
    }
    try {
      URI uri = new URI(node.text());
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw node.error("expected an http or https url but found '" + node.text() + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw node.error("not a valid url: " + e.getMessage());
    }
  }
}
