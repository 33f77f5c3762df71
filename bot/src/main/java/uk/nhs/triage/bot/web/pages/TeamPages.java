package uk.nhs.triage.bot.web.pages;

import static uk.nhs.triage.bot.web.WebRequest.require;
import static uk.nhs.triage.bot.web.WebRequest.user;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.bot.web.Csv;
import uk.nhs.triage.bot.web.Format;
import uk.nhs.triage.bot.web.Templates;
import uk.nhs.triage.bot.web.WebRequest;
import uk.nhs.triage.bot.web.auth.Role;
import uk.nhs.triage.bot.web.auth.Sessions;
import uk.nhs.triage.bot.web.auth.Users;
import uk.nhs.triage.bot.web.foi.FoiQueries;
import uk.nhs.triage.bot.web.foi.FoiQueries.FoiCase;
import uk.nhs.triage.bot.web.media.MediaQueries;
import uk.nhs.triage.bot.web.media.MediaQueries.MediaEdit;
import uk.nhs.triage.bot.web.media.MediaQueries.MediaEntry;

/** The FOI team's cases, the comms team's media log, and the admin's list of users. */
public final class TeamPages {
  private final FoiQueries foi;
  private final MediaQueries media;
  private final Users users;
  private final Sessions sessions;
  private final Templates templates;
  private final Format format;

  public TeamPages(Jdbi jdbi, Templates templates, Format format, Users users, Sessions sessions) {
    this.foi = new FoiQueries(jdbi);
    this.media = new MediaQueries(jdbi);
    this.users = users;
    this.sessions = sessions;
    this.templates = templates;
    this.format = format;
  }

  public void register(Javalin app) {
    app.get("/foi", this::foiPage);
    app.post("/foi/{id}/status", this::foiStatus);
    app.get("/export/foi.csv", this::foiCsv);
    app.get("/media", this::mediaPage);
    app.post("/media/{id}", this::mediaEdit);
    app.get("/export/media.csv", this::mediaCsv);
    app.get("/admin/users", this::usersPage);
    app.post("/admin/users", this::addUser);
  }

  private LocalDate today() {
    return LocalDate.now(format.zone());
  }

  private void foiPage(Context ctx) {
    require(user(ctx).role().worksFoiCases(), "see FOI cases");
    boolean all = "all".equals(ctx.queryParam("show"));
    Map<String, Object> model = WebRequest.model(ctx, format, "foi");
    model.put("cases", foi.cases(all, today()));
    model.put("statuses", FoiQueries.STATUSES);
    model.put("showAll", all);
    ctx.html(templates.render("foi", model));
  }

  private void foiStatus(Context ctx) {
    require(user(ctx).role().worksFoiCases(), "change FOI cases");
    foi.setStatus(
        ctx.pathParamAsClass("id", Long.class).get(),
        ItemPages.required(ctx, "status"),
        user(ctx).actor());
    ctx.redirect("/foi?done=status");
  }

  private void foiCsv(Context ctx) {
    require(user(ctx).role().worksFoiCases(), "export FOI cases");
    Csv csv =
        new Csv()
            .row(
                "reference",
                "received_at",
                "due_date",
                "days_left",
                "status",
                "requester_name",
                "real_name_discernible",
                "address_present",
                "description_present",
                "platform",
                "author",
                "link",
                "request");
    for (FoiCase c : foi.cases(true, today())) {
      csv.row(
          c.reference(),
          c.receivedAt(),
          c.dueDate(),
          c.daysLeft(),
          c.status(),
          c.requesterName(),
          c.realNameDiscernible(),
          c.addressPresent(),
          c.descriptionPresent(),
          c.platform(),
          c.authorHandle(),
          c.url(),
          c.text());
    }
    ItemPages.csvResponse(ctx, "foi-cases.csv", csv);
  }

  private void mediaPage(Context ctx) {
    require(user(ctx).role().actsOnAccounts(), "see the media log");
    Map<String, Object> model = WebRequest.model(ctx, format, "media");
    model.put("entries", media.all());
    model.put("statuses", MediaQueries.STATUSES);
    ctx.html(templates.render("media", model));
  }

  private void mediaEdit(Context ctx) {
    require(user(ctx).role().actsOnAccounts(), "edit the media log");
    media.update(
        ctx.pathParamAsClass("id", Long.class).get(),
        new MediaEdit(
            ctx.formParam("outlet"),
            ctx.formParam("journalist"),
            ctx.formParam("nature"),
            ctx.formParam("deadline_text"),
            ItemPages.required(ctx, "status"),
            ctx.formParam("response")),
        user(ctx).actor());
    ctx.redirect("/media?done=saved");
  }

  private void mediaCsv(Context ctx) {
    require(user(ctx).role().actsOnAccounts(), "export the media log");
    Csv csv =
        new Csv()
            .row(
                "logged_at",
                "outlet",
                "journalist",
                "nature",
                "deadline",
                "deadline_text",
                "status",
                "response",
                "platform",
                "author",
                "link",
                "comment");
    for (MediaEntry m : media.all()) {
      csv.row(
          m.loggedAt(),
          m.outlet(),
          m.journalist(),
          m.nature(),
          m.deadline(),
          m.deadlineText(),
          m.status(),
          m.response(),
          m.platform(),
          m.authorHandle(),
          m.url(),
          m.text());
    }
    ItemPages.csvResponse(ctx, "media-log.csv", csv);
  }

  private void usersPage(Context ctx) {
    require(user(ctx).role().managesUsers(), "manage users");
    Map<String, Object> model = WebRequest.model(ctx, format, "users");
    model.put("users", users.all());
    model.put("roles", List.of(Role.values()).stream().map(Role::wireName).toList());
    ctx.html(templates.render("users", model));
  }

  private void addUser(Context ctx) {
    require(user(ctx).role().managesUsers(), "manage users");
    String username = ItemPages.required(ctx, "username");
    users.put(
        username,
        Role.fromWireName(ItemPages.required(ctx, "role")),
        ItemPages.required(ctx, "password").toCharArray());
    // A new role counts from the user's next page, not after the sessions' recheck.
    sessions.forget(username);
    ctx.redirect("/admin/users?done=saved");
  }
}
