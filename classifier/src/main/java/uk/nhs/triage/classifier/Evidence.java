package uk.nhs.triage.classifier;

import java.util.List;

/**
 * One rule that matched, and the words of the comment that made it match.
 *
 * @param rule where the rule comes from and what it says, e.g. {@code patient_safety.rules:14 "not
 *     been offered" NEAR/4 drink}
 * @param matched the words of the comment, as written, that the rule matched
 * @param weight what the rule added to the label's score (negative for an "unless" rule)
 */
public record Evidence(String rule, List<String> matched, double weight) {
  public Evidence {
    matched = List.copyOf(matched);
  }
}
