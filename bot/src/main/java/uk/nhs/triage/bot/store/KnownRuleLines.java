package uk.nhs.triage.bot.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule lines this process has seen committed in {@code rule_line}, with their text, so a batch
 * whose evidence names only those does not send them to the database again. Rule lines are never
 * changed or deleted once stored, so what was committed stays true. One per {@link TriageStore};
 * safe for several polls at once.
 */
final class KnownRuleLines {

  /** A rules version has about a thousand lines; past this many, start again rather than grow. */
  private static final int MOST = 100_000;

  private final Map<RuleLines.Key, String> committed = new ConcurrentHashMap<>();

  /** Whether {@code key} is known to be stored with exactly {@code rule} as its text. */
  boolean has(RuleLines.Key key, String rule) {
    return Objects.equals(committed.get(key), rule);
  }

  /** Records that {@code key} is stored with {@code rule}: call only once that is committed. */
  void add(RuleLines.Key key, String rule) {
    if (committed.size() >= MOST) {
      committed.clear();
    }
    committed.put(key, rule);
  }
}
