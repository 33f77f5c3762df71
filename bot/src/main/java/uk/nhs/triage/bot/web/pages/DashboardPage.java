package uk.nhs.triage.bot.web.pages;

import static uk.nhs.triage.bot.web.WebRequest.user;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.web.CrisisRule;
import uk.nhs.triage.bot.web.Format;
import uk.nhs.triage.bot.web.Templates;
import uk.nhs.triage.bot.web.WebRequest;
import uk.nhs.triage.bot.web.auth.User;
import uk.nhs.triage.bot.web.dashboard.BarChart;
import uk.nhs.triage.bot.web.dashboard.DashboardQueries;
import uk.nhs.triage.bot.web.item.ItemFilter;
import uk.nhs.triage.bot.web.item.ItemQueries;
import uk.nhs.triage.bot.web.item.ItemRow;

/** Volumes, overdue work, response times, account health and crisis alerts on one page. */
public final class DashboardPage {
  private static final int DAYS = 14;

  private final DashboardQueries queries;
  private final ItemQueries items;
  private final Templates templates;
  private final Format format;
  private final CrisisRule crisis;

  public DashboardPage(Jdbi jdbi, Templates templates, Format format, CrisisRule crisis) {
    this.queries = new DashboardQueries(jdbi);
    this.items = new ItemQueries(jdbi, uk.nhs.triage.bot.JsonMapper.create());
    this.templates = templates;
    this.format = format;
    this.crisis = crisis;
  }

  public void register(Javalin app) {
    app.get("/dashboard", this::dashboard);
  }

  private void dashboard(Context ctx) {
    User user = user(ctx);
    List<Queue> queues = user.role().queues().stream().sorted().toList();
    Map<String, Object> model = WebRequest.model(ctx, format, "dashboard");
    model.put(
        "labelChart",
        BarChart.of("Comments per label, last " + DAYS + " days", queries.volumePerLabel(DAYS)));
    model.put(
        "queueChart",
        BarChart.of(
            "Triage items per queue, last " + DAYS + " days",
            queries.volumePerQueue(DAYS, queues)));
    List<ItemRow> overdue =
        items.list(new ItemFilter(null, null, "open", null, null), queues, 200).stream()
            .filter(ItemRow::overdue)
            .toList();
    model.put("overdue", overdue);
    model.put("medians", queries.medianTimeToFirstAction(queues));
    model.put("accounts", queries.accounts());
    model.put("crises", queries.crises(crisis));
    model.put("crisisRule", crisis);
    ctx.html(templates.render("dashboard", model));
  }
}
