package uk.nhs.triage.bot.web.item;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.nhs.triage.bot.routing.Queue;

/**
 * The queue page's filters, from its query parameters; blank means any. Status {@code open} (the
 * default) means not done or dismissed.
 */
public record ItemFilter(
    Queue queue, String label, String status, String platform, String account) {

  public static ItemFilter from(Context ctx) {
    String queueName = blank(ctx.queryParam("queue"));
    Queue queue = null;
    if (queueName != null) {
      try {
        queue = Queue.valueOf(queueName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new io.javalin.http.BadRequestResponse("unknown queue '" + queueName + "'");
      }
    }
    String status = blank(ctx.queryParam("status"));
    return new ItemFilter(
        queue,
        blank(ctx.queryParam("label")),
        status == null ? "open" : status,
        blank(ctx.queryParam("platform")),
        blank(ctx.queryParam("account")));
  }

  /** The same filters as a query string, for links such as the CSV export. */
  public String queryString() {
    Map<String, String> params = new LinkedHashMap<>();
    if (queue != null) {
      params.put("queue", queue.name().toLowerCase(Locale.ROOT));
    }
    params.put("label", label);
    params.put("status", status);
    params.put("platform", platform);
    params.put("account", account);
    return params.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public String queueName() {
    return queue == null ? "" : queue.name().toLowerCase(Locale.ROOT);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
