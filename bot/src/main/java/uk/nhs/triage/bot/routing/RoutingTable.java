package uk.nhs.triage.bot.routing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.YamlNode;
import uk.nhs.triage.classifier.Label;

/**
 * The routing file ({@code config/routing.yml}) read and checked: the flowchart as data.
 *
 * @param rules per label, in the file's order (the first rule with a reply chooses the draft)
 * @param review what to do with a label just below its threshold, per label
 * @param reviewDefault the review rule for labels without their own
 * @param unmatched the rule used when no label fired or came close
 * @param doNotEngageDrops actions removed when DO_NOT_ENGAGE applies
 * @param foi the FOI settings
 * @param media the media enquiry settings
 */
public record RoutingTable(
    Path file,
    List<RoutingRule> rules,
    Map<Label, RoutingRule> review,
    RoutingRule reviewDefault,
    RoutingRule unmatched,
    Set<Action> doNotEngageDrops,
    FoiSettings foi,
    MediaSettings media) {

  /** How a possible FOI request is assessed. */
  public record FoiSettings(
      DueRule.WorkingDays statutoryDue,
      String adviceTemplate,
      Set<String> notPersonalNameWords,
      List<Pattern> describesInformation) {}

  /** How outlets are recognised in a journalist's comment. */
  public record MediaSettings(List<String> outlets, Set<String> outletWords) {}

  public static RoutingTable load(Path file) {
    YamlNode root = YamlNode.read(file);
    root.allowOnly("rules", "review", "unmatched", "do_not_engage", "foi", "media");
    List<RoutingRule> rules = new ArrayList<>();
    root.required("rules")
        .entries()
        .forEach((key, node) -> rules.add(rule(label(key, node), node)));
    Map<Label, RoutingRule> review = new EnumMap<>(Label.class);
    RoutingRule reviewDefault = null;
    for (var entry : root.required("review").entries().entrySet()) {
      if (entry.getKey().equals("default")) {
        reviewDefault = rule(null, entry.getValue());
      } else {
        Label label = label(entry.getKey(), entry.getValue());
        review.put(label, rule(label, entry.getValue()));
      }
    }
    if (reviewDefault == null) {
      throw root.get("review").get("default").error("missing required key");
    }
    YamlNode dne = root.required("do_not_engage");
    dne.allowOnly("drops");
    Set<Action> drops = EnumSet.noneOf(Action.class);
    for (YamlNode action : dne.required("drops").list()) {
      drops.add(enumValue(Action.class, action));
    }
    return new RoutingTable(
        file,
        rules,
        review,
        reviewDefault,
        rule(null, root.required("unmatched")),
        drops,
        foi(root.required("foi")),
        media(root.required("media")));
  }

  private static RoutingRule rule(Label label, YamlNode node) {
    node.allowOnly(
        "unless",
        "queues",
        "actions",
        "priority",
        "due",
        "any_hour",
        "reply",
        "private_reply",
        "reason");
    Set<Label> unless = EnumSet.noneOf(Label.class);
    for (YamlNode item : node.get("unless").list()) {
      unless.add(label(item.text(), item));
    }
    Set<Queue> queues = EnumSet.noneOf(Queue.class);
    for (YamlNode item : node.required("queues").list()) {
      queues.add(enumValue(Queue.class, item));
    }
    List<Action> actions = new ArrayList<>();
    for (YamlNode item : node.get("actions").list()) {
      actions.add(enumValue(Action.class, item));
    }
    return new RoutingRule(
        label,
        unless,
        queues,
        actions,
        enumValue(Priority.class, node.required("priority")),
        due(node.required("due")),
        node.bool("any_hour", false),
        node.text("reply", null),
        node.bool("private_reply", false),
        node.requiredText("reason"));
  }

  private static FoiSettings foi(YamlNode node) {
    node.allowOnly(
        "statutory_due", "advice_template", "not_personal_name_words", "describes_information");
    YamlNode dueNode = node.required("statutory_due");
    if (!(due(dueNode) instanceof DueRule.WorkingDays statutory)) {
      throw dueNode.error("the statutory FOI deadline must be in working days");
    }
    Set<String> words = new java.util.HashSet<>();
    for (YamlNode word : node.required("not_personal_name_words").list()) {
      words.add(word.text().toLowerCase(Locale.ROOT));
    }
    List<Pattern> patterns = new ArrayList<>();
    for (YamlNode pattern : node.required("describes_information").list()) {
      try {
        patterns.add(
            Pattern.compile(pattern.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      } catch (PatternSyntaxException e) {
        throw pattern.error("not a valid regular expression: " + e.getDescription());
      }
    }
    return new FoiSettings(statutory, node.requiredText("advice_template"), words, patterns);
  }

  private static MediaSettings media(YamlNode node) {
    node.allowOnly("outlets", "outlet_words");
    List<String> outlets = node.required("outlets").list().stream().map(YamlNode::text).toList();
    Set<String> words = new java.util.HashSet<>();
    for (YamlNode word : node.required("outlet_words").list()) {
      words.add(word.text().toLowerCase(Locale.ROOT));
    }
    return new MediaSettings(outlets, words);
  }

  private static DueRule due(YamlNode node) {
    try {
      return DueRule.parse(node.text());
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static Label label(String name, YamlNode node) {
    try {
      return Label.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, YamlNode node) {
    String text = node.text();
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error(
          "unknown "
              + type.getSimpleName().toLowerCase(Locale.ROOT)
              + " '"
              + text
              + "' (expected one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ")");
    }
  }

  /** Fails unless every template this table names exists. */
  void checkTemplates(ReplyTemplates templates) {
    List<RoutingRule> all = new ArrayList<>(rules);
    all.addAll(review.values());
    all.add(reviewDefault);
    all.add(unmatched);
    for (RoutingRule rule : all) {
      if (rule.replyTemplate() != null && !templates.has(rule.replyTemplate())) {
        throw new ConfigException(
            file,
            (rule.label() == null ? "" : "rules." + rule.label().wireName() + ".") + "reply",
            "no template '" + rule.replyTemplate() + "' in " + templates.folder());
      }
    }
    if (!templates.has(foi.adviceTemplate())) {
      throw new ConfigException(
          file,
          "foi.advice_template",
          "no template '" + foi.adviceTemplate() + "' in " + templates.folder());
    }
  }
}
