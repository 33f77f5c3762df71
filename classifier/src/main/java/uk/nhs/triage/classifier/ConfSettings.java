package uk.nhs.triage.classifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code name = value} settings of the rules folder's files ({@code language.conf}, {@code
 * spellings.conf}, {@code examples.conf}, {@code typos.conf}, {@code persistent_user.rules} and a
 * label file's own settings), and typed readers that report a bad value with its file and line.
 */
final class ConfSettings {
  static final Pattern SETTING = Pattern.compile("([a-z_]+(?:\\.[a-z_]+)?)\\s*=\\s*(.*)");
  static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(h|d|hours?|days?)");

  private ConfSettings() {}

  record Setting(String value, int line) {}

  static Map<String, Setting> settings(Path file, List<String> lines) {
    Map<String, Setting> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = SETTING.matcher(line);
      if (!m.matches()) {
        throw new RuleFileException(file, i + 1, "expected 'name = value', got: " + line);
      }
      out.put(m.group(1), new Setting(m.group(2).trim(), i + 1));
    }
    return out;
  }

  /** Lines {@code from[, from2...] = to}, keys being any words (spelling map). */
  static Map<String, Setting> settingsAnyKey(Path file, List<String> lines) {
    Map<String, Setting> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        throw new RuleFileException(
            file, i + 1, "expected 'spelling = normal spelling', got: " + line);
      }
      String to = line.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
      for (String from : line.substring(0, eq).split(",")) {
        if (!from.isBlank()) {
          out.put(from.trim().toLowerCase(Locale.ROOT), new Setting(to, i + 1));
        }
      }
    }
    return out;
  }

  static void checkKnown(Path file, Map<String, Setting> s, List<String> known) {
    for (Map.Entry<String, Setting> e : s.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new RuleFileException(
            file,
            e.getValue().line(),
            "unknown setting '" + e.getKey() + "'; known: " + String.join(", ", known));
      }
    }
  }

  static int line(Map<String, Setting> s, String key) {
    Setting v = s.get(key);
    return v == null ? 0 : v.line();
  }

  static List<String> list(Map<String, Setting> s, String key, String fallback) {
    Setting v = s.get(key);
    List<String> out = new ArrayList<>();
    for (String item : (v == null ? fallback : v.value()).split(",")) {
      if (!item.isBlank()) {
        out.add(item.trim().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static int integer(Path file, Map<String, Setting> s, String key, int fallback) {
    Setting v = s.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.value());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new RuleFileException(
          file, v.line(), key + " must be a whole number of 0 or more, not '" + v.value() + "'");
    }
  }

  static boolean bool(Path file, Map<String, Setting> s, String key, boolean fallback) {
    Setting v = s.get(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.value()) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default ->
          throw new RuleFileException(
              file, v.line(), key + " must be true or false, not '" + v.value() + "'");
    };
  }

  static Duration duration(Path file, Map<String, Setting> s, String key, String fallback) {
    Setting v = s.get(key);
    return duration(file, v == null ? 0 : v.line(), key, v == null ? fallback : v.value());
  }

  static Duration duration(Path file, int line, String key, String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new RuleFileException(
          file, line, key + " must be hours or days, e.g. 24h or 7d, not '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).startsWith("h") ? Duration.ofHours(n) : Duration.ofDays(n);
  }

  /** A number above 0, or 0 when {@code key} is not given (the setting is off). */
  static double positive(Path file, Map<String, Setting> s, String key) {
    Setting v = s.get(key);
    if (v == null) {
      return 0;
    }
    double value = number(file, v.line(), key, v.value());
    if (!(value > 0)) {
      throw new RuleFileException(file, v.line(), key + " must be above 0");
    }
    return value;
  }

  /** A number, or {@code fallback} when {@code key} is not given. */
  static double number(Path file, Map<String, Setting> s, String key, double fallback) {
    Setting v = s.get(key);
    return v == null ? fallback : number(file, v.line(), key, v.value());
  }

  /** The labels named in a comma-separated setting, in order; none when it is not given. */
  static List<Label> labels(Path file, Map<String, Setting> s, String key) {
    List<Label> out = new ArrayList<>();
    for (String name : list(s, key, "")) {
      try {
        out.add(Label.fromWireName(name));
      } catch (IllegalArgumentException e) {
        throw new RuleFileException(file, line(s, key), "unknown label '" + name + "'");
      }
    }
    return out;
  }

  static double number(Path file, int line, String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new RuleFileException(file, line, key + " must be a number, not '" + value + "'");
    }
  }

  /** A setting that must be above 0 and at most 1, or {@code otherwise} when it is not given. */
  static double fraction(Path file, Map<String, Setting> s, String key, double otherwise) {
    Setting setting = s.get(key);
    if (setting == null) {
      return otherwise;
    }
    double value = number(file, setting.line(), key, setting.value());
    if (!(value > 0 && value <= 1)) {
      throw new RuleFileException(file, setting.line(), key + " must be above 0 and at most 1");
    }
    return value;
  }

  /**
   * Drops a comment: {@code #} at the start of the line, or {@code #} followed by a space after a
   * space. A {@code #hashtag} inside a rule is a word, not a comment.
   */
  static String stripComment(String line) {
    String t = line.strip();
    if (t.startsWith("#")) {
      return "";
    }
    boolean quoted = false;
    for (int i = 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted
          && c == '#'
          && Character.isWhitespace(t.charAt(i - 1))
          && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))) {
        return t.substring(0, i).strip();
      }
    }
    return t;
  }

  static String name(Path p) {
    return String.valueOf(p.getFileName());
  }
}
