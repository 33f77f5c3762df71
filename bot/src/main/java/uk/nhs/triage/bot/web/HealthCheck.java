package uk.nhs.triage.bot.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@code GET /health} for a load balancer or monitor, without sign-in: 200 when the database
 * answers, 503 when it does not, with the number of accounts marked unhealthy. Names no secret and
 * no comment.
 */
final class HealthCheck {
  private final Jdbi jdbi;

  HealthCheck(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void register(Javalin app) {
    app.get("/health", this::answer);
  }

  private void answer(Context ctx) {
    ctx.contentType("application/json");
    try {
      int unhealthy =
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT count(*) FROM account WHERE NOT healthy")
                      .setQueryTimeout(3)
                      .mapTo(Integer.class)
                      .one());
      ctx.status(200)
          .result(
              "{\"status\":\"ok\",\"database\":\"ok\",\"accounts_unhealthy\":" + unhealthy + "}");
    } catch (JdbiException e) {
      ctx.status(503).result("{\"status\":\"unhealthy\",\"database\":\"unreachable\"}");
    }
  }
}
