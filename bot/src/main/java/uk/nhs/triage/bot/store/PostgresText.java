package uk.nhs.triage.bot.store;

import java.util.regex.Pattern;

/**
 * PostgreSQL text and jsonb cannot hold the NUL character, which a platform may still send. Rather
 * than lose the comment, NUL becomes U+FFFD (the replacement character), which shows a reader that
 * something unprintable was there.
 */
final class PostgresText {

  static final char REPLACEMENT = '\uFFFD';

  // A JSON escape \u0000 preceded by an even number of backslashes (so not itself escaped).
  private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

  private PostgresText() {}

  static String clean(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', REPLACEMENT);
  }

  /** Cleans serialized JSON, where Jackson writes NUL as the escape {@code \u0000}. */
  static String cleanJson(String json) {
    String raw = clean(json);
    if (!raw.contains("u0000")) {
      return raw;
    }
    return JSON_NUL.matcher(raw).replaceAll("$1\\\\uFFFD");
  }
}
