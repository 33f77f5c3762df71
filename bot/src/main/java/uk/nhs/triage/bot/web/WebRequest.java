package uk.nhs.triage.bot.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.HashMap;
import java.util.Map;
import uk.nhs.triage.bot.web.auth.Sessions.Session;
import uk.nhs.triage.bot.web.auth.User;

/** The signed-in person behind a request, and the model every page starts from. */
public final class WebRequest {
  static final String SESSION = "triage.session";

  private WebRequest() {}

  public static Session session(Context ctx) {
    Session session = ctx.attribute(SESSION);
    if (session == null) {
      throw new ForbiddenResponse("not signed in");
    }
    return session;
  }

  public static User user(Context ctx) {
    return session(ctx).user();
  }

  /** Refuses the request (403) unless the condition holds. */
  public static void require(boolean allowed, String what) {
    if (!allowed) {
      throw new ForbiddenResponse("Your role may not " + what + ".");
    }
  }

  public static Map<String, Object> model(Context ctx, Format format, String page) {
    Session session = session(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("user", session.user());
    model.put("role", session.user().role());
    model.put("csrf", session.csrfToken());
    model.put("fmt", format);
    model.put("page", page);
    model.put("flash", ctx.queryParam("done"));
    // The navigation bar's facts as plain values: the layout reads them on every page, and a
    // method call from a template costs an OGNL lookup under a lock (see QueueLine).
    model.put(
        "signedInAs", session.user().username() + " (" + session.user().role().wireName() + ")");
    model.put("mayFoi", session.user().role().worksFoiCases());
    model.put("mayMedia", session.user().role().actsOnAccounts());
    model.put("mayUsers", session.user().role().managesUsers());
    return model;
  }
}
