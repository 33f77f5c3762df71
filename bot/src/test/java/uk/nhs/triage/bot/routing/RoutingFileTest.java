package uk.nhs.triage.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.calendar.WorkingCalendar;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.Organisation;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.classifier.Label;

class RoutingFileTest {
  static final Path SHIPPED = Path.of("../config/routing.yml");
  static final Path TEMPLATES = Path.of("../config/templates");
  static final Organisation ORG = new Organisation("NHS Test", "0300", "p@t.nhs.uk", "f@t.nhs.uk");

  @TempDir Path dir;

  @Test
  void routerIsBuiltFromTheExampleConfig() {
    Router router =
        Router.fromConfig(TriageConfig.load(Path.of("../config/triage.example.yml"), Map.of()));
    Decision decision =
        router.route(
            RouterTest.comment("Lovely nurses"),
            RouterTest.fired(Label.POSITIVE),
            RouterTest.WEDNESDAY_MORNING);
    assertThat(decision.replyDraft()).contains("NHS Example Integrated Care Board");
  }

  @Test
  void unknownActionNamesTheRuleAndKey() throws Exception {
    Path routing = copyWith("actions: [consider_hiding]", "actions: [delete_comment]");
    assertThatThrownBy(() -> RoutingTable.load(routing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "routing.yml: rules.offensive.actions[0]: unknown action 'delete_comment'");
  }

  @Test
  void unreadableDueRuleIsExplained() throws Exception {
    Path routing = copyWith("due: 3 working days (england-and-wales)", "due: three days");
    assertThatThrownBy(() -> RoutingTable.load(routing))
        .hasMessageContaining("rules.negative.due: cannot read due rule 'three days'");
  }

  @Test
  void missingTemplateIsNamedWhenTheRouterIsBuilt() throws Exception {
    Path routing = copyWith("reply: thank-you", "reply: thanks-a-lot");
    WorkingCalendar calendar =
        WorkingCalendar.load(Path.of("../config/calendar/bank-holidays.csv"));
    assertThatThrownBy(() -> Router.load(routing, TEMPLATES, calendar, ORG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rules.positive.reply: no template 'thanks-a-lot'");
  }

  @Test
  void unknownTemplatePlaceholderIsRefused() throws Exception {
    Files.writeString(dir.resolve("bad.txt"), "Hello {{handle}},\nyou said {{text}}");
    assertThatThrownBy(() -> ReplyTemplates.load(dir, ORG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad.txt: line 2: unknown placeholder {{text}}");
  }

  @Test
  void unknownLabelInRoutingIsNamed() throws Exception {
    Path routing = copyWith("  offensive:\n", "  rude:\n");
    assertThatThrownBy(() -> RoutingTable.load(routing))
        .hasMessageContaining("rules.rude: unknown label 'rude'");
  }

  @Test
  void everyLabelHasARule() {
    RoutingTable table = RoutingTable.load(SHIPPED);
    assertThat(table.rules())
        .extracting(RoutingRule::label)
        .containsExactlyInAnyOrder(Label.values());
  }

  private Path copyWith(String from, String to) throws Exception {
    String text = Files.readString(SHIPPED);
    assertThat(text).contains(from);
    Path routing = dir.resolve("routing.yml");
    Files.writeString(
        routing,
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    return routing;
  }
}
