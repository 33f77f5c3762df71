package uk.nhs.triage.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

/** A platform's successful answer: status, headers (rate-limit figures live there) and JSON. */
public record JsonResponse(int status, Headers headers, JsonNode body) {}
