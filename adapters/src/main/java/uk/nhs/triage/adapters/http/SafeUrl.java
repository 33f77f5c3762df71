package uk.nhs.triage.adapters.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** A URL as it may appear in a log or message: tokens and keys in the query are masked. */
public final class SafeUrl {
  private static final Set<String> SECRET_PARAMS =
      Set.of("access_token", "key", "api_key", "token", "client_secret", "appsecret_proof");

  private SafeUrl() {}

  public static String of(HttpUrl url) {
    HttpUrl.Builder safe = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT))) {
        safe.setQueryParameter(name, "***");
      }
    }
    return safe.build().toString();
  }
}
