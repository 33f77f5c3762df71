package uk.nhs.triage.bot.routing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.calendar.CalendarException;
import uk.nhs.triage.bot.calendar.WorkingCalendar;
import uk.nhs.triage.bot.config.Organisation;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Label;

/**
 * The social media policy's flowchart (004 Appendix B), applied to one classified comment. What
 * each label leads to is in the routing file; this class combines the rules that apply, works out
 * the due time with the working calendar, and fills in FOI and media details.
 */
public final class Router {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

  private final RoutingTable table;
  private final ReplyTemplates templates;
  private final WorkingCalendar calendar;
  private final FoiAssessor foiAssessor;
  private final MediaEnquiryReader mediaReader;
  // Each rule's fixed words in a reason, made once: a backfill routes a million comments.
  private final Map<RoutingRule, RuleWords> ruleWords = new IdentityHashMap<>();
  // Times written lately, by their second: a page's comments are routed within the same second or
  // two and share their office opening and most due times. Racy but safe: each entry is immutable.
  private final Written[] written = new Written[16];

  /** A rule's reason with its queues, and its due time in words. */
  private record RuleWords(String reasonAndQueues, String due) {
    static RuleWords of(RoutingRule rule) {
      return new RuleWords(
          rule.reason() + " -> " + names(rule.queues()), ", due " + rule.due().text());
    }
  }

  /** {@link #WHEN}'s text for a time in the calendar's zone, by the time's epoch second. */
  private record Written(long epochSecond, String text) {}

  public Router(RoutingTable table, ReplyTemplates templates, WorkingCalendar calendar) {
    table.checkTemplates(templates);
    this.table = table;
    this.templates = templates;
    this.calendar = calendar;
    this.foiAssessor = new FoiAssessor(table.foi(), calendar);
    this.mediaReader = new MediaEnquiryReader(table.media(), calendar);
    List<RoutingRule> every = new ArrayList<>(table.rules());
    every.addAll(table.review().values());
    every.add(table.reviewDefault());
    every.add(table.unmatched());
    for (RoutingRule rule : every) {
      if (rule != null) {
        ruleWords.put(rule, RuleWords.of(rule));
      }
    }
  }

  public static Router load(
      Path routingFile, Path templatesFolder, WorkingCalendar calendar, Organisation organisation) {
    return new Router(
        RoutingTable.load(routingFile),
        ReplyTemplates.load(templatesFolder, organisation),
        calendar);
  }

  /** The working calendar deadlines are counted with. */
  public WorkingCalendar calendar() {
    return calendar;
  }

  public static Router fromConfig(TriageConfig config, WorkingCalendar calendar) {
    return load(config.routing(), config.templates(), calendar, config.organisation());
  }

  public static Router fromConfig(TriageConfig config) {
    return fromConfig(config, config.workingCalendar());
  }

  /**
   * Decides what happens to a comment.
   *
   * @param receivedAt when the bot fetched it: due times count from then (or from the next office
   *     opening when it arrived out of hours and is not urgent)
   */
  public Decision route(Comment comment, Classification classification, Instant receivedAt) {
    Outcome outcome = new Outcome(officeOpen(receivedAt));
    Set<Label> fired = classification.labels();
    for (RoutingRule rule : table.rules()) {
      if (!fired.contains(rule.label())) {
        continue;
      }
      Set<Label> overruled = EnumSet.noneOf(Label.class);
      overruled.addAll(rule.unless());
      overruled.retainAll(fired);
      if (!overruled.isEmpty()) {
        outcome.reasons.add(
            rule.label().wireName() + " fired but its rule gives way to " + names(overruled));
        continue;
      }
      apply(rule, rule.label().wireName(), comment, receivedAt, outcome);
      if (rule.label() == Label.FOI_REQUEST) {
        assessFoi(rule, comment, receivedAt, outcome);
      }
      if (rule.label() == Label.PRESS_CONTACT) {
        outcome.media = mediaReader.read(comment, receivedAt);
      }
    }
    for (Label label : classification.forReview()) {
      RoutingRule rule = table.review().getOrDefault(label, table.reviewDefault());
      apply(
          rule,
          label.wireName() + " (review band, score " + score(classification, label) + ")",
          comment,
          receivedAt,
          outcome);
    }
    if (outcome.applied == 0) {
      apply(table.unmatched(), "no label", comment, receivedAt, outcome);
    }
    if (outcome.actions.contains(Action.DO_NOT_ENGAGE)) {
      withholdPublicReply(outcome);
    }
    return new Decision(
        outcome.queues,
        List.copyOf(outcome.actions),
        outcome.priority,
        outcome.dueBy,
        outcome.template,
        outcome.template == null ? null : templates.render(outcome.template, comment),
        outcome.foi,
        outcome.media,
        outcome.reasons);
  }

  /**
   * Whether the office is open at {@code at}; false when the calendar cannot say (a weekday past
   * the bank holidays file's years), so that the due times needing it are left to a person.
   */
  private boolean officeOpen(Instant at) {
    try {
      return calendar.isOfficeHours(at);
    } catch (CalendarException e) {
      return false;
    }
  }

  private void apply(
      RoutingRule rule, String why, Comment comment, Instant receivedAt, Outcome outcome) {
    outcome.applied++;
    outcome.queues.addAll(rule.queues());
    outcome.actions.addAll(rule.actions());
    if (rule.priority().compareTo(outcome.priority) < 0) {
      outcome.priority = rule.priority();
    }
    boolean open = outcome.open;
    Instant start = null;
    Instant due;
    String uncounted = null;
    try {
      // Out of hours only urgent rules run the clock now; the rest start when the office opens
      // (worked out once a comment, and only when a rule needs it).
      if (!rule.anyHour() && outcome.opening == null) {
        outcome.opening = open ? receivedAt : calendar.nextOfficeOpening(receivedAt);
      }
      start = rule.anyHour() ? receivedAt : outcome.opening;
      due = rule.due().dueFrom(start, calendar);
    } catch (CalendarException e) {
      // Past the bank holidays file's years: route the comment without a guessed due time (as
      // for an FOI deadline), and say why, rather than fail the whole poll on it.
      due = null;
      uncounted = e.getMessage();
    }
    if (due != null && (outcome.dueBy == null || due.isBefore(outcome.dueBy))) {
      outcome.dueBy = due;
    }
    RuleWords words = ruleWords.get(rule);
    StringBuilder reason = new StringBuilder(why).append(": ").append(words.reasonAndQueues());
    if (uncounted != null) {
      reason
          .append(words.due())
          .append(" not counted (")
          .append(uncounted)
          .append("); a person sets it");
    } else if (due != null) {
      reason.append(words.due());
      if (!open && !rule.anyHour()) {
        reason.append(" from the next office opening (").append(local(start)).append(")");
      } else if (!open) {
        reason.append(" at any hour");
      }
      reason.append(" = ").append(local(due));
    }
    outcome.reasons.add(reason.toString());
    if (rule.replyTemplate() != null && outcome.template == null) {
      outcome.template = rule.replyTemplate();
      outcome.privateReply = rule.privateReply();
    }
  }

  private void assessFoi(RoutingRule rule, Comment comment, Instant receivedAt, Outcome outcome) {
    FoiAssessment foi = foiAssessor.assess(comment, receivedAt);
    outcome.foi = foi;
    String statutory =
        foi.dueDate() == null
            ? "FOI statutory deadline not computed: received "
                + local(foi.receivedAt())
                + ", outside the bank holidays file's years; the FOI team sets it"
            : "FOI statutory deadline " + table.foi().statutoryDue().text() + " = " + foi.dueDate();
    if (foi.missingElements().isEmpty()) {
      outcome.reasons.add(statutory + "; s.8 elements all present, the FOI team decides validity");
      return;
    }
    outcome.actions.add(Action.ADVICE_AND_ASSISTANCE);
    outcome.reasons.add(
        statutory
            + "; s.8 elements missing: "
            + String.join(", ", foi.missingElements())
            + ", so the draft asks privately for them (advice and assistance, s.16)");
    if (outcome.template == null || outcome.template.equals(rule.replyTemplate())) {
      outcome.template = table.foi().adviceTemplate();
      outcome.privateReply = true;
    }
  }

  private void withholdPublicReply(Outcome outcome) {
    outcome.actions.removeAll(table.doNotEngageDrops());
    if (outcome.template != null && !outcome.privateReply) {
      outcome.reasons.add(
          "do not engage publicly: public reply draft '" + outcome.template + "' withheld");
      outcome.template = null;
    } else {
      outcome.reasons.add("do not engage publicly: no public reply is drafted");
    }
  }

  private String local(Instant instant) {
    // The text shows minutes, so one second's instants all read the same.
    long second = instant.getEpochSecond();
    // Slot by a multiplicative hash: office times are whole minutes, whose low bits are alike.
    int slot = (int) ((second * 0x9E3779B97F4A7C15L) >>> 60);
    Written last = written[slot];
    if (last != null && last.epochSecond() == second) {
      return last.text();
    }
    String text = WHEN.format(instant.atZone(calendar.zone()));
    written[slot] = new Written(second, text);
    return text;
  }

  private static String score(Classification classification, Label label) {
    return String.format(Locale.ROOT, "%.2f", classification.score(label));
  }

  private static String names(Set<? extends Enum<?>> values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> value : values) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }

  /** The decision as it is built up, rule by rule. */
  private static final class Outcome {
    final Set<Queue> queues = EnumSet.noneOf(Queue.class);
    final LinkedHashSet<Action> actions = new LinkedHashSet<>();
    final List<String> reasons = new ArrayList<>();
    Priority priority = Priority.LOW;
    Instant dueBy;
    String template;
    boolean privateReply;
    FoiAssessment foi;
    MediaEnquiry media;
    int applied;
    // Whether the office is open when the comment came, and when it next opens (that time itself
    // when open; null until a rule needs it).
    final boolean open;
    Instant opening;

    Outcome(boolean open) {
      this.open = open;
    }
  }
}
