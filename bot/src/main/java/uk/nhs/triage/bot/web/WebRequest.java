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
    return model;
  }
}
