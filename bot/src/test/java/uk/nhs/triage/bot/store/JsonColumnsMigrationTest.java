package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.foiDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.mediaDecision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Label;

/**
 * V9 turns five jsonb columns into json and drops V6's open-order index: on a database that already
 * holds rows, every value reads back as the same JSON, and the readers that take the columns as
 * they are (evidence with its rules, the queue's order) give what they gave before.
 */
class JsonColumnsMigrationTest {

  @RegisterExtension static final TestDatabase DB = TestDatabase.empty();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant POSTED = Instant.parse("2026-03-02T09:15:00Z");
  private static final String AWKWARD =
      "Tab\there, \"quotes\", back\\slash, \\u0000 as text, NUL \0 gone, new\nline, 👩‍⚕️ عربى";

  private static final String[] COLUMNS = {
    "SELECT scores::text FROM classification ORDER BY comment_id",
    "SELECT evidence::text FROM classification ORDER BY comment_id",
    "SELECT evidence_with_rules(rules_version, evidence)::text FROM classification"
        + " ORDER BY comment_id",
    "SELECT decision::text FROM triage_item ORDER BY id",
    "SELECT payload::text FROM outbox ORDER BY id",
    "SELECT detail::text FROM audit_log ORDER BY id",
  };

  @Test
  void valuesStoredBeforeReadBackAsTheSameJsonAfter() {
    DB.migrateTo("8");
    TriageStore store = DB.store();
    store.registerAccount("acc-v9", "x", "NHSBeforeV9");
    Author author = new Author("v9-author", "v9 " + AWKWARD, "Name " + AWKWARD);
    store.saveBatch(
        "acc-v9",
        List.of(
            triaged(
                comment("acc-v9", "v9-1", author, AWKWARD, POSTED),
                classification(Label.NEGATIVE, Label.PATIENT_SAFETY),
                decision(Priority.URGENT, POSTED.plusSeconds(60), Queue.COMMS, Queue.PALS)),
            triaged(
                comment("acc-v9", "v9-2", author, "FOI please: " + AWKWARD, POSTED),
                classification(Set.of(Label.FOI_REQUEST), Set.of(Label.NEGATIVE)),
                foiDecision(POSTED, LocalDate.of(2026, 3, 30))),
            triaged(
                comment("acc-v9", "v9-3", null, "Reporter: " + AWKWARD, POSTED),
                classification(Label.PRESS_CONTACT),
                mediaDecision(new MediaEnquiry("Echo " + AWKWARD, "Sam", "waits", "5pm", POSTED)))),
        "before-v9");
    List<List<JsonNode>> before = readAll();
    List<String> queueBefore = queueOrder();
    assertThat(before.get(0)).hasSize(3);
    assertThat(before.get(4)).isNotEmpty();
    assertThat(columnTypes()).containsOnly("jsonb");

    DB.database().migrate();

    assertThat(columnTypes()).containsOnly("json");
    assertThat(readAll()).isEqualTo(before);
    assertThat(queueOrder()).isEqualTo(queueBefore);
    assertThat(
            DB.strings(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'triage_item'"
                    + " AND indexname LIKE 'triage_item_open_%' ORDER BY 1"))
        .containsExactly("triage_item_open_keyset_idx", "triage_item_open_queues_idx");
    // Text a person reads keeps every character it had (the NUL as U+FFFD).
    assertThat(
            DB.strings(
                "SELECT payload->>'text' FROM outbox WHERE payload->>'externalId' = 'v9-1'"
                    + " LIMIT 1"))
        .containsExactly(AWKWARD.replace('\0', PostgresText.REPLACEMENT));
  }

  private static List<String> columnTypes() {
    return DB.strings(
        "SELECT data_type FROM information_schema.columns"
            + " WHERE (table_name, column_name) IN (('classification', 'scores'),"
            + " ('classification', 'evidence'), ('triage_item', 'decision'),"
            + " ('outbox', 'payload'), ('audit_log', 'detail'))");
  }

  private static List<String> queueOrder() {
    return DB.store().itemsInQueue(Queue.COMMS, 10).stream()
        .map(item -> item.externalId())
        .toList();
  }

  private static List<List<JsonNode>> readAll() {
    List<List<JsonNode>> all = new ArrayList<>();
    for (String sql : COLUMNS) {
      List<JsonNode> values = new ArrayList<>();
      for (String text : DB.strings(sql)) {
        try {
          values.add(JSON.readTree(text));
        } catch (JsonProcessingException e) {
          throw new AssertionError("not JSON: " + text, e);
        }
      }
      all.add(values);
    }
    return all;
  }
}
