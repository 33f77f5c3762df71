package uk.nhs.triage.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/** The JSON line the classify command writes for one comment. */
final class TriageJson {
  private final ObjectMapper json;

  TriageJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode of(TriagedComment triaged) {
    ObjectNode out = json.createObjectNode();
    out.put("id", triaged.comment().externalId());
    ArrayNode labels = out.putArray("labels");
    triaged.classification().labels().forEach(l -> labels.add(l.wireName()));
    ArrayNode review = out.putArray("review");
    triaged.classification().forReview().forEach(l -> review.add(l.wireName()));
    ObjectNode scores = out.putObject("scores");
    ObjectNode evidence = out.putObject("evidence");
    ObjectNode rules = out.putObject("rules");
    for (LabelScore score : triaged.classification().scores().values()) {
      String name = score.label().wireName();
      scores.put(name, Math.round(score.score() * 1000) / 1000.0);
      if (score.verdict() == Verdict.NONE) {
        continue;
      }
      Set<String> words = new LinkedHashSet<>();
      ArrayNode matchedRules = rules.putArray(name);
      for (Evidence e : score.evidence()) {
        words.addAll(e.matched());
        matchedRules.add(e.rule());
      }
      ArrayNode matched = evidence.putArray(name);
      words.forEach(matched::add);
    }
    Decision decision = triaged.decision();
    ArrayNode queues = out.putArray("queues");
    decision.queues().stream().sorted().forEach(q -> queues.add(q.name()));
    ArrayNode actions = out.putArray("actions");
    decision.actions().forEach(a -> actions.add(a.name()));
    out.put("priority", decision.priority().name());
    out.put("due_by", decision.dueBy() == null ? null : decision.dueBy().toString());
    if (decision.foi() != null) {
      out.set("foi", json.valueToTree(decision.foi()));
      ArrayNode missing = ((ObjectNode) out.get("foi")).putArray("missing");
      decision.foi().missingElements().forEach(missing::add);
    }
    if (decision.media() != null) {
      out.set("media_enquiry", json.valueToTree(decision.media()));
    }
    out.put("rules_version", triaged.classification().rulesVersion());
    return out;
  }
}
