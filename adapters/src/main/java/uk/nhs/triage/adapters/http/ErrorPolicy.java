package uk.nhs.triage.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;
import uk.nhs.triage.adapters.AdapterException;

/**
 * What a platform's non-2xx answer means: a rate limit (with its reset), a dead token, or a failure
 * to retry next cycle. Each platform has its own signals.
 */
@FunctionalInterface
public interface ErrorPolicy {

  /**
   * @param body the parsed error body, or null when it was not JSON
   * @param raw the body as text (never put it whole in a message: it may be large)
   * @param what the account and request, safe to put in a message
   */
  AdapterException failure(int status, Headers headers, JsonNode body, String raw, String what);
}
