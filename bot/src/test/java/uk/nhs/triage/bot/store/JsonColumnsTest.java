package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.routing.Action;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/**
 * A classification's scores and evidence are written as JSON directly (a backfill writes them for
 * every comment); the text must be exactly what Jackson wrote from the same values before.
 */
class JsonColumnsTest {

  private static final ObjectMapper JACKSON = TestDatabase.mapper();
  private static final String AWKWARD;

  static {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    AWKWARD =
        controls
            + " \"quoted\" back\\slash \\u0000 as text / slash \u007f DEL é λ 漢字 👩‍⚕️"
            + " \u2028 \uFEFF lone \uD83D high";
  }

  @Test
  void scoresAndEvidenceAreTheTextJacksonWrote() {
    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    scores.put(
        Label.NEGATIVE,
        new LabelScore(
            Label.NEGATIVE,
            0.1 + 0.2,
            1.0,
            Verdict.REVIEW,
            List.of(
                new Evidence("negative.rules:3 rude", "negative.rules:3", List.of("rude"), 1),
                new Evidence("negative.rules:4 " + AWKWARD, "negative.rules:4", List.of(), -3),
                new Evidence("fires_with " + AWKWARD, null, List.of(AWKWARD, "b"), 1e-7),
                new Evidence(null, null, List.of("x"), 1e21))));
    scores.put(Label.OFFENSIVE, new LabelScore(Label.OFFENSIVE, 0, 2.5, Verdict.NONE, List.of()));
    scores.put(
        Label.FOI_REQUEST,
        new LabelScore(
            Label.FOI_REQUEST,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Verdict.FIRED,
            List.of(new Evidence("foi.rules:9 \"a\"", "foi.rules:9", List.of("a"), 12345.678))));
    Classification classification = new Classification(scores, "rules-v1");
    Set<RuleLines.Key> stored =
        Set.of(
            RuleLines.key(classification, "negative.rules:3"),
            RuleLines.key(classification, "foi.rules:9"));
    JsonColumns json = new JsonColumns(JACKSON);

    assertThat(json.scoresInto(classification, new JsonChars()).toString())
        .isEqualTo(jackson(scoresAsBefore(classification)));
    assertThat(json.evidenceInto(classification, stored, new JsonChars()).toString())
        .isEqualTo(jackson(evidenceAsBefore(classification, stored)));
    assertThat(json.evidence(classification, Set.of()))
        .isEqualTo(PostgresText.cleanJson(jackson(evidenceAsBefore(classification, Set.of()))));
    assertThat(json.scores(new Classification(Map.of(), "v"))).isEqualTo("{}");
    assertThat(json.evidence(new Classification(Map.of(), "v"), Set.of())).isEqualTo("{}");
  }

  @Test
  void decisionsPayloadsAndAuditDetailsAreTheTextJacksonWrote() {
    // The mapper the bot stores with; JsonColumns used to hand every one of these to Jackson.
    JsonColumns json = new JsonColumns(JsonMapper.create());
    Instant nanos = Instant.parse("2026-12-07T18:36:32.889105580Z");
    Instant whole = Instant.parse("2026-12-08T17:00:00Z");
    Instant millis = Instant.parse("1999-01-02T03:04:05.100Z");
    Instant farFuture = Instant.parse("+12026-01-01T00:00:00.000001Z");
    List<Decision> decisions =
        List.of(
            new Decision(
                Set.of(Queue.COMMS),
                List.of(),
                Priority.LOW,
                null,
                null,
                null,
                null,
                null,
                List.of()),
            new Decision(
                Set.of(Queue.FOI, Queue.COMMS, Queue.PALS, Queue.QUALITY),
                List.of(Action.values()),
                Priority.URGENT,
                nanos,
                "foi-advice",
                "Hi @" + AWKWARD + ", thank you",
                new FoiAssessment(farFuture, LocalDate.of(2026, 1, 8), AWKWARD, false, true, false),
                new MediaEnquiry(AWKWARD, "Member 9", "nature " + AWKWARD, "by 5pm", millis),
                List.of("reason one -> comms, due 1 working day", AWKWARD, "")),
            new Decision(
                Set.of(Queue.QUALITY, Queue.FOI),
                List.of(Action.ESCALATE_NOW),
                Priority.HIGH,
                whole,
                "",
                "",
                new FoiAssessment(null, null, null, true, false, true),
                new MediaEnquiry(null, null, null, null, null),
                List.of("\u0000 " + AWKWARD)));
    Comment comment =
        new Comment(
            "x",
            "ext-\t1",
            "acc",
            new Author("id-" + AWKWARD, "@handle", AWKWARD),
            AWKWARD,
            nanos,
            null,
            null,
            AWKWARD);
    Comment bare = new Comment("x", "e2", "acc", Author.UNKNOWN, "text", null, null, null, null);
    Classification classification =
        new Classification(
            Map.of(Label.NEGATIVE, new LabelScore(Label.NEGATIVE, 2, 1, Verdict.FIRED, List.of())),
            null);
    for (Decision decision : decisions) {
      assertThat(json.decisionInto(decision, new JsonChars()).toString())
          .isEqualTo(json.serialize(decision));
      assertThat(json.decision(decision))
          .isEqualTo(PostgresText.cleanJson(json.serialize(decision)));
      for (Comment c : List.of(comment, bare)) {
        Map<String, Object> detail =
            TriageRecords.auditDetail(Long.MAX_VALUE, c, classification, decision);
        assertThat(json.objectInto(detail, new JsonChars()).toString())
            .isEqualTo(json.serialize(detail));
        for (String foiReference : new String[] {null, "FOI-2026-000001"}) {
          if (foiReference != null && decision.foi() == null) {
            continue;
          }
          for (TriageRecords.PendingEmail email :
              TriageRecords.emails("acc", c, classification, decision, 7, foiReference)) {
            assertThat(json.objectInto(email.payload(), new JsonChars()).toString())
                .isEqualTo(json.serialize(email.payload()));
            assertThat(json.object(email.payload()))
                .isEqualTo(PostgresText.cleanJson(json.serialize(email.payload())));
          }
        }
      }
    }
    // Values of other types go through Jackson itself.
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put("float", 1.5f);
    odd.put("map", Map.of("k", List.of(1, 2)));
    odd.put("double", 0.1 + 0.2);
    odd.put("nan", Double.NaN);
    odd.put("bool", Boolean.FALSE);
    odd.put("int", Integer.MIN_VALUE);
    odd.put("date", LocalDate.of(-5, 12, 31));
    assertThat(json.objectInto(odd, new JsonChars()).toString()).isEqualTo(json.serialize(odd));
  }

  private static String jackson(Object value) {
    try {
      return JACKSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  // What JsonColumns built for Jackson before it wrote the JSON itself (the three keys of a score
  // in one fixed order: they were a Map.of, whose order is not fixed).
  private static Map<String, Object> scoresAsBefore(Classification classification) {
    Map<String, Object> scores = new LinkedHashMap<>();
    classification
        .scores()
        .forEach(
            (label, score) -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put("score", score.score());
              one.put("threshold", score.threshold());
              one.put("verdict", score.verdict().name());
              scores.put(label.wireName(), one);
            });
    return scores;
  }

  private static Map<String, List<StoredEvidence>> evidenceAsBefore(
      Classification classification, Set<RuleLines.Key> stored) {
    Map<String, List<StoredEvidence>> evidence = new LinkedHashMap<>();
    for (LabelScore score : classification.scores().values()) {
      if (!score.evidence().isEmpty()) {
        List<StoredEvidence> rules = new ArrayList<>();
        for (Evidence e : score.evidence()) {
          String ref = e.ref();
          rules.add(
              ref != null && stored.contains(RuleLines.key(classification, ref))
                  ? new StoredEvidence(ref, null, e.matched(), e.weight())
                  : new StoredEvidence(null, e.rule(), e.matched(), e.weight()));
        }
        evidence.put(score.label().wireName(), rules);
      }
    }
    return evidence;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredEvidence(String ref, String rule, List<String> matched, double weight) {}
}
