package uk.nhs.triage.bot.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.LabelScore;

/**
 * Keeps each rules version's matched rule lines once in {@code rule_line}, so evidence can name a
 * rule by its file and line ({@link Evidence#ref}) instead of repeating its text for every comment.
 */
final class RuleLines {

  /** A rule line as stored: its rules version (never null: "" stands for none) and reference. */
  record Key(String version, String ref) {
    // Written out rather than left to the record's generated methods: a backfill looks up a key for
    // every piece of evidence, and these compile to far less code.
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(version, key.version)
          && Objects.equals(ref, key.ref);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(version) + Objects.hashCode(ref);
    }
  }

  private RuleLines() {}

  static Key key(Classification classification, String ref) {
    String version = classification.rulesVersion();
    return new Key(version == null ? "" : PostgresText.clean(version), PostgresText.clean(ref));
  }

  /**
   * Stores the rule lines of these classifications that are not stored yet, inside the caller's
   * transaction.
   *
   * @return the rule lines that evidence may name by reference: stored with exactly this text (a
   *     reference stored before with another text, which a rules version should never have, is left
   *     out, so its evidence keeps the rule in full)
   */
  static Set<Key> store(Handle handle, List<Classification> classifications) {
    return store(handle, classifications, null);
  }

  /**
   * {@link #store(Handle, List)}, asking the database only about the rule lines {@code known} does
   * not hold with the same text. On a handle outside any transaction, each line sent is committed
   * when this returns, and the ones stored with this text are added to {@code known}; inside a
   * transaction (which may yet roll back) {@code known} is only read.
   */
  static Set<Key> store(Handle handle, List<Classification> classifications, KnownRuleLines known) {
    Map<Key, String> rules = new LinkedHashMap<>();
    Set<Key> clashing = new HashSet<>();
    for (Classification classification : classifications) {
      for (LabelScore score : classification.scores().values()) {
        for (Evidence evidence : score.evidence()) {
          String ref = evidence.ref();
          if (ref != null) {
            Key key = key(classification, ref);
            String earlier = rules.putIfAbsent(key, evidence.rule());
            if (earlier != null && !earlier.equals(evidence.rule())) {
              clashing.add(key);
            }
          }
        }
      }
    }
    if (rules.isEmpty()) {
      return Set.of();
    }
    Map<Key, String> unknown = rules;
    if (known != null) {
      unknown = new LinkedHashMap<>();
      for (Map.Entry<Key, String> rule : rules.entrySet()) {
        if (clashing.contains(rule.getKey()) || !known.has(rule.getKey(), rule.getValue())) {
          unknown.put(rule.getKey(), rule.getValue());
        }
      }
      if (unknown.isEmpty()) {
        return rules.keySet();
      }
    }
    List<String> versions = new ArrayList<>(unknown.size());
    List<String> refs = new ArrayList<>(unknown.size());
    List<String> texts = new ArrayList<>(unknown.size());
    unknown.forEach(
        (key, rule) -> {
          versions.add(key.version());
          refs.add(key.ref());
          texts.add(PostgresText.clean(rule));
        });
    // Inserted in one order in every transaction, so two polls storing the same new lines at once
    // wait for each other instead of deadlocking.
    handle
        .createQuery(
            """
            WITH input AS (
                   SELECT * FROM unnest(:version, :ref, :rule) AS u(rules_version, ref, rule)),
                 added AS (
                   INSERT INTO rule_line (rules_version, ref, rule)
                   SELECT rules_version, ref, rule FROM input ORDER BY rules_version, ref
                   ON CONFLICT (rules_version, ref) DO NOTHING)
            SELECT i.rules_version, i.ref
              FROM input i JOIN rule_line r USING (rules_version, ref)
             WHERE r.rule <> i.rule
            """)
        .bindArray("version", String.class, versions)
        .bindArray("ref", String.class, refs)
        .bindArray("rule", String.class, texts)
        .map((rs, ctx) -> new Key(rs.getString(1), rs.getString(2)))
        .forEach(clashing::add);
    Set<Key> usable = new HashSet<>(rules.keySet());
    usable.removeAll(clashing);
    if (known != null && !handle.isInTransaction()) {
      unknown.forEach(
          (key, rule) -> {
            if (!clashing.contains(key)) {
              known.add(key, rule);
            }
          });
    }
    return usable;
  }
}
