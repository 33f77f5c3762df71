package uk.nhs.triage.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import uk.nhs.triage.adapters.AccountSettings;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.AuthFailedException;
import uk.nhs.triage.adapters.MalformedPageException;
import uk.nhs.triage.adapters.http.ErrorPolicy;
import uk.nhs.triage.adapters.http.PlatformHttp;
import uk.nhs.triage.adapters.http.SafeUrl;

/**
 * Calls to one account's Graph API (Facebook or Instagram): the token as {@code access_token}
 * (masked in every message by {@link SafeUrl}), the configured base URL, and Graph's cursor paging
 * followed to the end.
 */
public final class GraphClient {
  /** Graph's own host; Instagram with Facebook Login uses it too. */
  public static final String DEFAULT_BASE_URL = "https://graph.facebook.com/v19.0";

  /** A page whose cursor never moves would loop for ever; no real edge we read is this long. */
  private static final int MAX_PAGES = 1_000;

  private final String accountId;
  private final HttpUrl base;
  private final String tokenName;
  private final String token;
  private final PlatformHttp http;
  private final ErrorPolicy errors;

  /**
   * @param tokenName the key in {@link AccountSettings#secrets()} that holds the token
   */
  public GraphClient(AccountSettings settings, String tokenName, Clock clock, Duration backoff) {
    this.accountId = settings.id();
    String baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
    this.base = HttpUrl.parse(baseUrl);
    if (base == null) {
      throw new IllegalArgumentException(
          "account " + accountId + ": base URL is not a URL: " + baseUrl);
    }
    this.tokenName = tokenName;
    this.token = settings.secrets().get(tokenName);
    this.http = new PlatformHttp(accountId, Objects.requireNonNull(settings.timeout(), "timeout"));
    this.errors = new GraphErrorPolicy(clock, backoff, token);
  }

  /** What one paged edge hands over, item by item. */
  @FunctionalInterface
  public interface ItemVisitor {
    /**
     * @return false to stop paging (the rest is already known)
     */
    boolean visit(JsonNode item) throws AdapterException;
  }

  /** GETs one object (no paging). */
  public JsonNode get(String path, Map<String, String> params) throws AdapterException {
    return http.send(new Request.Builder().url(url(path, params)).get().build(), errors).body();
  }

  /**
   * Follows an edge's pages from {@code after} (null: the first page) until the page without {@code
   * paging.next} or until the visitor says stop. Any page that fails throws, so the caller returns
   * nothing from a half-read edge.
   */
  public void forEach(String path, Map<String, String> params, String after, ItemVisitor visitor)
      throws AdapterException {
    if (!walk(path, params, after, MAX_PAGES, visitor)) {
      throw new AdapterException(
          "account " + accountId + ": " + path + " had more than " + MAX_PAGES + " pages");
    }
  }

  /**
   * Like {@link #forEach} from the first page, but reads at most {@code maxPages} pages.
   *
   * @return false when it stopped at the limit with pages left unread
   */
  public boolean forEachUpTo(
      String path, Map<String, String> params, int maxPages, ItemVisitor visitor)
      throws AdapterException {
    return walk(path, params, null, maxPages, visitor);
  }

  /** True when the edge ended or the visitor stopped; false at the page limit. */
  private boolean walk(
      String path, Map<String, String> params, String after, int maxPages, ItemVisitor visitor)
      throws AdapterException {
    String cursor = after;
    for (int pageNo = 1; pageNo <= maxPages; pageNo++) {
      HttpUrl url = url(path, params);
      if (cursor != null) {
        url = url.newBuilder().setQueryParameter("after", cursor).build();
      }
      JsonNode body = http.send(new Request.Builder().url(url).get().build(), errors).body();
      JsonNode data = body.get("data");
      if (data == null || !data.isArray()) {
        throw new MalformedPageException(
            what("GET", url) + " answered without a \"data\" array", null);
      }
      for (JsonNode item : data) {
        if (!visitor.visit(item)) {
          return true;
        }
      }
      String next = nextCursor(body.path("paging"), url);
      if (next == null) {
        return true;
      }
      if (next.equals(cursor)) {
        throw new MalformedPageException(
            what("GET", url) + " gave the same \"after\" cursor again", null);
      }
      cursor = next;
    }
    return false;
  }

  /** POSTs a form to an object; the answer must be a JSON object. */
  public JsonNode post(String path, Map<String, String> form) throws AdapterException {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    HttpUrl url = url(path, Map.of());
    return http.send(new Request.Builder().url(url).post(body.build()).build(), errors).body();
  }

  /** The account and request, safe for a message. */
  public String what(String method, HttpUrl url) {
    return "account " + accountId + ": " + method + " " + SafeUrl.of(url);
  }

  public String what(String method, String path) {
    return what(method, base.newBuilder().addPathSegments(path).build());
  }

  /**
   * Graph's {@code paging.next} points at the production host, so only the {@code after} cursor is
   * taken from it and the URL is rebuilt against the configured base.
   */
  private String nextCursor(JsonNode paging, HttpUrl url) throws MalformedPageException {
    String next = paging.path("next").asText(null);
    if (next == null || next.isEmpty()) {
      return null;
    }
    String after = paging.path("cursors").path("after").asText(null);
    if (after == null || after.isEmpty()) {
      HttpUrl nextUrl = HttpUrl.parse(next);
      after = nextUrl == null ? null : nextUrl.queryParameter("after");
    }
    if (after == null || after.isEmpty()) {
      throw new MalformedPageException(
          what("GET", url) + " has a next page but no \"after\" cursor", null);
    }
    return after;
  }

  private HttpUrl url(String path, Map<String, String> params) throws AuthFailedException {
    if (token == null || token.isBlank()) {
      throw new AuthFailedException(
          "account " + accountId + ": secret " + tokenName + " is missing or empty");
    }
    HttpUrl.Builder url = base.newBuilder().addPathSegments(path);
    params.forEach(url::addQueryParameter);
    url.addQueryParameter("access_token", token);
    return url.build();
  }
}
