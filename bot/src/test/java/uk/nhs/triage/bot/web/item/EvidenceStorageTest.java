package uk.nhs.triage.bot.web.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.governance.RetentionPurge;
import uk.nhs.triage.bot.governance.SubjectAccessExport;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.store.TriageFixtures;
import uk.nhs.triage.bot.store.TriageStore;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Classifier;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/**
 * Matched rules are stored once per rules version ({@code rule_line}) and named by reference in the
 * evidence; what the item page, the subject access export and the retention purge see must be what
 * they saw when each comment's evidence held its rules in full.
 */
class EvidenceStorageTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final ObjectMapper MAPPER = JsonMapper.create();
  private static final Classifier CLASSIFIER = Classifier.load(Path.of("..", "config", "rules"));

  private static final List<String> TEXTS =
      List.of(
          "The nurse on ward 7 was rude and I waited 6 hours, absolutely disgusting service",
          "I have not been offered a drink all day, my mum is dehydrated, please help",
          "Email me at jo.bloggs@example.com or ring 07700 900123 about my complaint",
          "Thank you to the amazing staff at A&E last night, brilliant care",
          "Under the Freedom of Information Act please send me the waiting list figures");

  @Test
  void theItemPageReadsTheSameEvidenceAsWhenRulesWereStoredInFull() {
    List<TriagedComment> batch = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      batch.add(triaged("page-" + i, "u" + i, TEXTS.get(i), CLASSIFIER.classify(TEXTS.get(i))));
    }
    batch.add(triaged("page-odd", "u9", "odd rules", oddRules()));
    save(batch);

    ItemQueries items = new ItemQueries(DB.jdbi(), MAPPER);
    for (TriagedComment triaged : batch) {
      long item = itemOf(triaged.comment().externalId());
      JsonNode shown = items.find(item).orElseThrow().evidence();
      assertThat(shown)
          .as(triaged.comment().text())
          .isEqualTo(inFull(triaged.classification()))
          .isNotEmpty();
    }
    // Stored by reference: no rule text in the classification rows of file:line rules.
    assertThat(
            DB.count(
                "SELECT count(*) FROM classification cl JOIN comment c ON c.id = cl.comment_id"
                    + " WHERE c.external_id LIKE 'page-%' AND cl.evidence::text LIKE '%\"ref\"%'"))
        .isEqualTo(batch.size());
  }

  @Test
  void aRulesVersionsLinesAreStoredOnceHoweverOftenTheyMatch() {
    String text = "The nurse was rude and the service was disgusting";
    List<TriagedComment> first = new ArrayList<>();
    List<TriagedComment> second = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      first.add(triaged("once-a" + i, "o" + i, text, CLASSIFIER.classify(text)));
      second.add(triaged("once-b" + i, "o" + i, text, CLASSIFIER.classify(text)));
    }
    save(first);
    long lines = DB.count("SELECT count(*) FROM rule_line");
    save(second);

    assertThat(DB.count("SELECT count(*) FROM rule_line")).isEqualTo(lines).isPositive();
    assertThat(
            DB.count(
                "SELECT count(*) FROM rule_line GROUP BY rules_version, ref"
                    + " ORDER BY count(*) DESC LIMIT 1"))
        .isEqualTo(1);
    assertThat(DB.strings("SELECT DISTINCT rules_version FROM rule_line"))
        .contains(CLASSIFIER.rulesVersion());
  }

  @Test
  void aNegatedRuleHasItsOwnReferenceAndARuleWithoutOneIsKeptInFull() {
    save(List.of(triaged("refs-1", "r1", "odd rules", oddRules())));

    assertThat(
            DB.strings(
                "SELECT ref || ' = ' || rule FROM rule_line WHERE rules_version = ''"
                    + " AND ref LIKE 'negated %'"))
        .containsExactly("negated negative.rules:4 = negated negative.rules:4 rude");
    JsonNode stored =
        readTree(
            DB.strings(
                    "SELECT cl.evidence::text FROM classification cl"
                        + " JOIN comment c ON c.id = cl.comment_id WHERE c.external_id = 'refs-1'")
                .get(0));
    JsonNode negated = stored.get("negative").get(1);
    assertThat(negated.get("ref").asText()).isEqualTo("negated negative.rules:4");
    assertThat(negated.has("rule")).isFalse();
    JsonNode firesWith = stored.get("patient_safety").get(0);
    assertThat(firesWith.has("ref")).isFalse();
    assertThat(firesWith.get("rule").asText())
        .isEqualTo("patient_safety.rules fires_with = negative");
  }

  @Test
  void aReferenceStoredWithOtherTextKeepsTheRuleInFull() {
    // A rules version never changes its lines; if one ever did, the evidence must not lie.
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO rule_line VALUES (?, 'negative.rules:77', 'negative.rules:77 old')",
                    TriageFixtures.RULES_VERSION));
    Classification changed =
        withEvidence(
            Label.NEGATIVE,
            new Evidence("negative.rules:77 \"new\"", "negative.rules:77", List.of("new"), 1));
    save(List.of(triaged("clash-1", "c1", "new words", changed)));

    JsonNode shown =
        new ItemQueries(DB.jdbi(), MAPPER).find(itemOf("clash-1")).orElseThrow().evidence();
    assertThat(shown).isEqualTo(inFull(changed));
  }

  @Test
  void aStoreRemembersTheLinesItStoredButNotWithOtherText() {
    // One store for every batch: it keeps the rule lines it has stored and asks the database only
    // about the others; a line it knows under other text must still go to the database.
    TriageStore store = DB.store();
    store.registerAccount("acct", "x", "NHSExample");
    Classification original =
        withEvidence(
            Label.NEGATIVE,
            new Evidence("negative.rules:78 original", "negative.rules:78", List.of("a"), 1));
    Classification changed =
        withEvidence(
            Label.NEGATIVE,
            new Evidence("negative.rules:78 changed", "negative.rules:78", List.of("b"), 1));
    for (String id : List.of("known-1", "known-2")) {
      List<TriagedComment> batch = List.of(triaged(id, "k" + id, "words", original));
      store.saveBatch("acct", batch, id);
    }
    List<TriagedComment> other = List.of(triaged("known-3", "k3", "words", changed));
    store.saveBatch("acct", other, "known-3");

    ItemQueries items = new ItemQueries(DB.jdbi(), MAPPER);
    assertThat(items.find(itemOf("known-2")).orElseThrow().evidence()).isEqualTo(inFull(original));
    assertThat(items.find(itemOf("known-3")).orElseThrow().evidence()).isEqualTo(inFull(changed));
    assertThat(
            DB.strings(
                "SELECT cl.evidence::text FROM classification cl"
                    + " JOIN comment c ON c.id = cl.comment_id WHERE c.external_id LIKE 'known-%'"
                    + " ORDER BY c.external_id"))
        .satisfiesExactly(
            first -> assertThat(first).contains("\"ref\"").doesNotContain("original"),
            second -> assertThat(second).contains("\"ref\"").doesNotContain("original"),
            third -> assertThat(third).contains("negative.rules:78 changed"));
  }

  @Test
  void theExportHoldsTheMatchedWordsAndThePurgeClearsThem() {
    String text = "Email me at jo.bloggs@example.com, the nurse was rude and disgusting";
    Classification classification = CLASSIFIER.classify(text);
    save(List.of(triaged("sar-1", "jo", text, classification)));

    ObjectNode export = new SubjectAccessExport(DB.jdbi(), MAPPER).export("@jo");
    String exported = export.get("classifications").get(0).get("evidence").asText();
    for (LabelScore score : classification.scores().values()) {
      for (Evidence e : score.evidence()) {
        assertThat(exported).contains(MAPPER.valueToTree(e.rule()).toString());
        e.matched().forEach(word -> assertThat(exported).contains(word));
      }
    }
    DB.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE comment SET fetched_at = ? WHERE external_id = 'sar-1'",
                    java.sql.Timestamp.from(NOW.minusSeconds(400L * 86400))));

    new RetentionPurge(DB.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC)).purge(365);

    JsonNode shown =
        new ItemQueries(DB.jdbi(), MAPPER).find(itemOf("sar-1")).orElseThrow().evidence();
    assertThat(shown).isEmpty();
    assertThat(
            new SubjectAccessExport(DB.jdbi(), MAPPER)
                .export("@jo")
                .get("classifications")
                .toString())
        .doesNotContain("rude")
        .doesNotContain("disgusting");
  }

  /** Rules without a file:line, a negated one, quotes and backslashes, a missing version. */
  private static Classification oddRules() {
    Map<Label, LabelScore> scores = new LinkedHashMap<>();
    scores.put(
        Label.NEGATIVE,
        new LabelScore(
            Label.NEGATIVE,
            1.5,
            1,
            Verdict.FIRED,
            List.of(
                new Evidence(
                    "negative.rules:3 \"a\\\\b\" NEAR/2 \"c\"",
                    "negative.rules:3",
                    List.of("a\\b", "c"),
                    1),
                new Evidence(
                    "negated negative.rules:4 rude",
                    "negated negative.rules:4",
                    List.of("not", "rude"),
                    -0.5),
                new Evidence("negative.rules:3", "negative.rules:3", List.of(), 0.25))));
    scores.put(
        Label.PATIENT_SAFETY,
        new LabelScore(
            Label.PATIENT_SAFETY,
            1,
            1,
            Verdict.FIRED,
            List.of(
                new Evidence(
                    "patient_safety.rules fires_with = negative", null, List.of(), 0.75))));
    return new Classification(scores, null);
  }

  private static Classification withEvidence(Label label, Evidence evidence) {
    return new Classification(
        Map.of(label, new LabelScore(label, 2, 1, Verdict.FIRED, List.of(evidence))),
        TriageFixtures.RULES_VERSION);
  }

  /** The evidence as stored before rule lines, read back through jsonb. */
  private static JsonNode inFull(Classification classification) {
    Map<String, List<Map<String, Object>>> evidence = new LinkedHashMap<>();
    classification
        .scores()
        .values()
        .forEach(
            s -> {
              if (!s.evidence().isEmpty()) {
                List<Map<String, Object>> rules = new ArrayList<>();
                for (Evidence e : s.evidence()) {
                  Map<String, Object> rule = new LinkedHashMap<>();
                  rule.put("rule", e.rule());
                  rule.put("matched", e.matched());
                  rule.put("weight", e.weight());
                  rules.add(rule);
                }
                evidence.put(s.label().wireName(), rules);
              }
            });
    String json = MAPPER.valueToTree(evidence).toString();
    return DB.jdbi()
        .withHandle(
            h ->
                readTree(
                    h.createQuery("SELECT CAST(:json AS jsonb)::text")
                        .bind("json", json)
                        .mapTo(String.class)
                        .one()));
  }

  private static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long itemOf(String externalId) {
    return DB.count(
        "SELECT t.id FROM triage_item t JOIN comment c ON c.id = t.comment_id"
            + " WHERE c.external_id = '"
            + externalId
            + "'");
  }

  private static TriagedComment triaged(
      String id, String handle, String text, Classification classification) {
    Comment comment =
        TriageFixtures.comment(
            "acct", id, new Author("key-" + handle, handle, "Name"), text, NOW.minusSeconds(60));
    return TriageFixtures.triaged(
        comment,
        classification,
        TriageFixtures.decision(Priority.NORMAL, NOW.plusSeconds(86400), Queue.COMMS));
  }

  private static void save(List<TriagedComment> batch) {
    DB.store().registerAccount("acct", "x", "NHSExample");
    DB.store().saveBatch("acct", batch, batch.get(batch.size() - 1).comment().externalId());
  }
}
