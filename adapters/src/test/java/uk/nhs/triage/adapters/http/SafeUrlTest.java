package uk.nhs.triage.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SafeUrlTest {
  @Test
  void masksTokensAndKeysButKeepsTheRestOfTheRequest() {
    HttpUrl url =
        HttpUrl.get(
            "https://graph.example/v19.0/123/comments?access_token=EAAB-secret&limit=50&key=AIza-secret");
    String safe = SafeUrl.of(url);
    assertThat(safe).doesNotContain("EAAB-secret").doesNotContain("AIza-secret");
    assertThat(safe)
        .contains("/v19.0/123/comments")
        .contains("limit=50")
        .contains("access_token=***");
  }
}
