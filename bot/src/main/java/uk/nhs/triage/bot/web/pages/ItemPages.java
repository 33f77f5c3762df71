package uk.nhs.triage.bot.web.pages;

import static uk.nhs.triage.bot.web.WebRequest.require;
import static uk.nhs.triage.bot.web.WebRequest.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.bot.store.OpenCounts;
import uk.nhs.triage.bot.store.QueueCount;
import uk.nhs.triage.bot.web.Choice;
import uk.nhs.triage.bot.web.Csv;
import uk.nhs.triage.bot.web.Format;
import uk.nhs.triage.bot.web.ShortLived;
import uk.nhs.triage.bot.web.Templates;
import uk.nhs.triage.bot.web.WebRequest;
import uk.nhs.triage.bot.web.auth.User;
import uk.nhs.triage.bot.web.item.AccountActions;
import uk.nhs.triage.bot.web.item.Highlighter;
import uk.nhs.triage.bot.web.item.ItemDetail;
import uk.nhs.triage.bot.web.item.ItemFilter;
import uk.nhs.triage.bot.web.item.ItemQueries;
import uk.nhs.triage.bot.web.item.ItemRow;
import uk.nhs.triage.bot.web.item.QueueCursor;
import uk.nhs.triage.bot.web.item.QueueLine;
import uk.nhs.triage.bot.web.item.QueueTable;
import uk.nhs.triage.bot.web.item.ReplyChecks;
import uk.nhs.triage.classifier.Label;

/** The queue, the item page and what a team member does with an item. */
public final class ItemPages {
  /** Rows per queue page: a person reads the top of the queue; the rest is a click away. */
  private static final int PAGE_SIZE = 50;

  private static final List<String> LABELS =
      List.of(Label.values()).stream().map(Label::wireName).toList();

  private final ShortLived<List<QueueCount>> queueCounts;
  private final ShortLived<List<String>> platforms;
  private final ShortLived<List<String>> accounts;
  private final ItemQueries items;
  private final AccountActions actions;
  private final Templates templates;
  private final Format format;
  private final ReplyChecks checks;

  public ItemPages(
      Jdbi jdbi, ObjectMapper mapper, Templates templates, Format format, ReplyChecks checks) {
    this.queueCounts = new ShortLived<>(new OpenCounts(jdbi)::get, Duration.ofSeconds(3));
    this.items = new ItemQueries(jdbi, mapper);
    // The filters' choices change when an account is added: a minute late is soon enough.
    this.platforms = new ShortLived<>(() -> items.distinct("platform"), Duration.ofMinutes(1));
    this.accounts = new ShortLived<>(() -> items.distinct("account"), Duration.ofMinutes(1));
    this.actions = new AccountActions(jdbi, mapper, items);
    this.templates = templates;
    this.format = format;
    this.checks = checks;
  }

  public void register(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/queue"));
    app.get("/queue", this::queue);
    app.get("/export/queue.csv", this::exportQueue);
    app.get("/items/{id}", ctx -> item(ctx, null, null, List.of()));
    app.post("/items/{id}/status", this::status);
    app.post("/items/{id}/assign", this::assign);
    app.post("/items/{id}/note", this::note);
    app.post("/items/{id}/reply", this::reply);
    app.post("/items/{id}/hide", this::hide);
  }

  private void queue(Context ctx) {
    User user = user(ctx);
    ItemFilter filter = ItemFilter.from(ctx);
    if (filter.queue() != null) {
      require(user.role().sees(filter.queue()), "see the " + filter.queue() + " queue");
    }
    QueueCursor cursor = cursor(ctx);
    int page = cursor == null ? 1 : page(ctx);
    List<ItemRow> rows = items.page(filter, user.role().queues(), PAGE_SIZE + 1, cursor);
    boolean more;
    if (cursor != null && cursor.before()) {
      if (rows.size() > PAGE_SIZE) {
        rows = rows.subList(1, rows.size());
        more = true;
      } else {
        // Fewer than a page before it: show the top of the queue, a whole page of it.
        cursor = null;
        page = 1;
        rows = items.page(filter, user.role().queues(), PAGE_SIZE + 1, null);
        more = rows.size() > PAGE_SIZE;
        rows = more ? rows.subList(0, PAGE_SIZE) : rows;
      }
    } else {
      more = rows.size() > PAGE_SIZE;
      rows = more ? rows.subList(0, PAGE_SIZE) : rows;
    }
    String here = "/queue?" + filter.queryString();
    String previousPage = null;
    if (cursor != null) {
      previousPage =
          rows.isEmpty()
              ? here
              : here + "&" + QueueCursor.before(rows.get(0)).parameter() + "&page=" + (page - 1);
    }
    String nextPage =
        more
            ? here
                + "&"
                + QueueCursor.after(rows.get(rows.size() - 1)).parameter()
                + "&page="
                + (page + 1)
            : null;
    Map<String, Object> model = WebRequest.model(ctx, format, "queue");
    model.put("empty", rows.isEmpty());
    model.put(
        "table", QueueTable.rows(rows.stream().map(row -> QueueLine.of(row, format)).toList()));
    model.put(
        "counts",
        queueCounts.get().stream()
            .filter(c -> user.role().sees(c.queue()))
            // Maps, not beans: th:href is evaluated by OGNL in full, which reads a map without
            // the lock it takes on a getter.
            .map(
                c ->
                    Map.of(
                        "href",
                        "/queue?queue=" + c.queue().name().toLowerCase(Locale.ROOT),
                        "text",
                        c.queue().name() + ": " + c.openItems() + " open"))
            .toList());
    model.put("filter", filter);
    model.put("labels", Choice.of(LABELS, format::label, filter.label()));
    model.put(
        "statuses",
        Choice.of(withOpenAndAll(ItemQueries.STATUSES), format::label, filter.status()));
    model.put("platforms", Choice.of(platforms.get(), p -> p, filter.platform()));
    model.put("accounts", Choice.of(accounts.get(), a -> a, filter.account()));
    model.put(
        "queues",
        Choice.of(
            user.role().queues().stream().map(q -> q.name().toLowerCase(Locale.ROOT)).toList(),
            q -> q,
            filter.queueName()));
    model.put("exportLink", "/export/queue.csv?" + filter.queryString());
    model.put("pageLabel", "Page " + page);
    model.put("previousPage", previousPage);
    model.put("nextPage", nextPage);
    ctx.html(templates.render("queue", model));
  }

  /** Where the page starts: after or before an item the last page showed; null for the top. */
  private static QueueCursor cursor(Context ctx) {
    String after = ctx.queryParam("after");
    if (after != null && !after.isBlank()) {
      return QueueCursor.parse(after, false);
    }
    String before = ctx.queryParam("before");
    if (before != null && !before.isBlank()) {
      return QueueCursor.parse(before, true);
    }
    return null;
  }

  /** The page's number, for the reader only: the cursor decides what the page shows. */
  private static int page(Context ctx) {
    String value = ctx.queryParam("page");
    if (value == null || value.isBlank()) {
      return 2;
    }
    try {
      return Math.max(2, Math.min(1_000_000, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("page must be a number");
    }
  }

  private static List<String> withOpenAndAll(List<String> statuses) {
    List<String> all = new ArrayList<>(List.of("open", "all"));
    all.addAll(statuses);
    return all;
  }

  private void exportQueue(Context ctx) {
    User user = user(ctx);
    List<ItemRow> rows = items.list(ItemFilter.from(ctx), user.role().queues(), 100_000);
    Csv csv =
        new Csv()
            .row(
                "item",
                "priority",
                "due_by",
                "overdue",
                "status",
                "queues",
                "labels",
                "platform",
                "account",
                "author",
                "assignee",
                "comment");
    for (ItemRow row : rows) {
      csv.row(
          row.id(),
          row.priority(),
          row.dueBy(),
          row.overdue(),
          row.status(),
          String.join(" ", row.queues()),
          String.join(" ", row.labels()),
          row.platform(),
          row.accountId(),
          row.authorHandle(),
          row.assignee(),
          row.text());
    }
    csvResponse(ctx, "triage-queue.csv", csv);
  }

  static void csvResponse(Context ctx, String filename, Csv csv) {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    ctx.result(csv.toString());
  }

  /** The item, refused when none of its queues is the user's. */
  private ItemDetail visibleItem(Context ctx) {
    long id = ctx.pathParamAsClass("id", Long.class).get();
    ItemDetail item = items.find(id).orElseThrow(() -> new NotFoundResponse("no item " + id));
    User user = user(ctx);
    require(item.queues().stream().anyMatch(user.role()::sees), "see this item");
    return item;
  }

  private void item(Context ctx, String draft, String message, List<String> warnings) {
    ItemDetail item = visibleItem(ctx);
    Map<String, Object> model = WebRequest.model(ctx, format, "queue");
    model.put("item", item);
    model.put("segments", Highlighter.segments(item.text(), matchedWords(item)));
    model.put("evidence", evidence(item));
    model.put("history", items.authorHistory(item, 20));
    model.put("totals", items.authorTotals(item).orElse(null));
    model.put("persistent", item.labels().contains(Label.PERSISTENT_USER.wireName()));
    model.put("audit", items.audit(item.id()));
    model.put("reasons", texts(item.decision().path("reasons")));
    model.put("statuses", ItemQueries.STATUSES);
    model.put("queued", actions.queued(item.id()));
    model.put("draft", draft != null ? draft : item.replyDraft());
    model.put("message", message);
    model.put("warnings", warnings);
    model.put("mayReply", user(ctx).role().actsOnAccounts() && !item.pressContact());
    ctx.html(templates.render("item", model));
  }

  /** One label's evidence: the rules that matched and the words they matched. */
  public record LabelEvidence(String label, boolean fired, List<EvidenceLine> rules) {}

  /** One matched rule. */
  public record EvidenceLine(String rule, String words, String weight) {}

  private static List<LabelEvidence> evidence(ItemDetail item) {
    List<LabelEvidence> result = new ArrayList<>();
    item.evidence()
        .properties()
        .forEach(
            entry -> {
              List<EvidenceLine> lines = new ArrayList<>();
              for (JsonNode rule : entry.getValue()) {
                lines.add(
                    new EvidenceLine(
                        rule.path("rule").asText(),
                        String.join(", ", texts(rule.path("matched"))),
                        String.format("%+.2f", rule.path("weight").asDouble())));
              }
              result.add(
                  new LabelEvidence(entry.getKey(), item.labels().contains(entry.getKey()), lines));
            });
    return result;
  }

  /** The words that rules of the comment's fired labels matched, to highlight. */
  private static Set<String> matchedWords(ItemDetail item) {
    Set<String> words = new LinkedHashSet<>();
    item.evidence()
        .properties()
        .forEach(
            entry -> {
              if (item.labels().contains(entry.getKey())) {
                for (JsonNode rule : entry.getValue()) {
                  if (rule.path("weight").asDouble() > 0) {
                    words.addAll(texts(rule.path("matched")));
                  }
                }
              }
            });
    return words;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private void status(Context ctx) {
    ItemDetail item = visibleItem(ctx);
    items.setStatus(item.id(), required(ctx, "status"), user(ctx).actor());
    ctx.redirect("/items/" + item.id() + "?done=status");
  }

  private void assign(Context ctx) {
    ItemDetail item = visibleItem(ctx);
    String assignee = ctx.formParam("assignee");
    items.assign(
        item.id(),
        assignee == null || assignee.isBlank() ? null : assignee.strip(),
        user(ctx).actor());
    ctx.redirect("/items/" + item.id() + "?done=assigned");
  }

  private void note(Context ctx) {
    ItemDetail item = visibleItem(ctx);
    items.addNote(item.id(), required(ctx, "note"), user(ctx).actor());
    ctx.redirect("/items/" + item.id() + "?done=note");
  }

  private void reply(Context ctx) {
    ItemDetail item = visibleItem(ctx);
    User user = user(ctx);
    require(user.role().actsOnAccounts(), "edit or approve replies");
    require(!item.pressContact(), "reply to a press contact on social media");
    String text = required(ctx, "text");
    if (!"approve".equals(ctx.formParam("action"))) {
      items.saveDraft(item.id(), text, user.actor());
      ctx.redirect("/items/" + item.id() + "?done=draft");
      return;
    }
    List<String> warnings = checks.warnings(text);
    boolean sendAnyway = "yes".equals(ctx.formParam("send_anyway"));
    if (!warnings.isEmpty() && !sendAnyway) {
      items.saveDraft(item.id(), text, user.actor());
      ctx.status(409);
      item(
          ctx,
          text,
          "The reply is held: check the warnings, then send anyway or edit it.",
          warnings);
      return;
    }
    boolean queued = actions.approveReply(item, text, user.actor(), !warnings.isEmpty());
    ctx.redirect("/items/" + item.id() + (queued ? "?done=approved" : "?done=already-approved"));
  }

  private void hide(Context ctx) {
    ItemDetail item = visibleItem(ctx);
    User user = user(ctx);
    require(user.role().actsOnAccounts(), "hide comments");
    boolean queued = actions.hide(item, required(ctx, "reason"), user.actor());
    ctx.redirect("/items/" + item.id() + (queued ? "?done=hidden" : "?done=already-hidden"));
  }

  static String required(Context ctx, String field) {
    String value = ctx.formParam(field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the form field '" + field + "' must not be empty");
    }
    return value.strip();
  }
}
