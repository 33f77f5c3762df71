package uk.nhs.triage.bot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
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

/** Triaged comments for tests, built from the plain records. */
public final class TriageFixtures {

  public static final String RULES_VERSION = "rules-test-1";

  private TriageFixtures() {}

  public static Comment comment(
      String accountId, String externalId, Author author, String text, Instant createdAt) {
    return new Comment(
        "x",
        externalId,
        accountId,
        author,
        text,
        createdAt,
        "https://x.example/status/" + externalId,
        null,
        "{\"id\":\"" + externalId + "\"}");
  }

  /** Fired labels score 2 against a threshold of 1, review labels 0.8, each with one rule. */
  public static Classification classification(Set<Label> fired, Set<Label> review) {
    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    for (Label label : fired) {
      scores.put(label, score(label, 2.0, Verdict.FIRED));
    }
    for (Label label : review) {
      scores.put(label, score(label, 0.8, Verdict.REVIEW));
    }
    return new Classification(scores, RULES_VERSION);
  }

  public static Classification classification(Label... fired) {
    return classification(Set.of(fired), Set.of());
  }

  private static LabelScore score(Label label, double score, Verdict verdict) {
    Evidence evidence =
        new Evidence(
            label.wireName() + ".rules:1 \"" + label.wireName() + "\"",
            label.wireName() + ".rules:1",
            List.of("word"),
            1);
    return new LabelScore(label, score, 1.0, verdict, List.of(evidence));
  }

  public static Decision decision(Priority priority, Instant dueBy, Queue... queues) {
    return new Decision(
        Set.of(queues),
        List.of(Action.REPLY_DRAFT),
        priority,
        dueBy,
        "thanks",
        "Thank you for your comment.",
        null,
        null,
        List.of("test routing rule"));
  }

  public static Decision foiDecision(Instant receivedAt, LocalDate dueDate) {
    return new Decision(
        Set.of(Queue.COMMS, Queue.FOI),
        List.of(Action.FORWARD_TO_FOI, Action.ADVICE_AND_ASSISTANCE),
        Priority.NORMAL,
        receivedAt.plusSeconds(86_400),
        null,
        null,
        new FoiAssessment(receivedAt, dueDate, "Jane Smith", true, false, true),
        null,
        List.of("foi_request fired"));
  }

  public static Decision mediaDecision(MediaEnquiry media) {
    return new Decision(
        Set.of(Queue.COMMS),
        List.of(Action.LOG_MEDIA_ENQUIRY, Action.DO_NOT_ENGAGE),
        Priority.HIGH,
        null,
        null,
        null,
        null,
        media,
        List.of("press_contact fired"));
  }

  public static TriagedComment triaged(
      Comment comment, Classification classification, Decision decision) {
    return new TriagedComment(comment, classification, decision);
  }
}
