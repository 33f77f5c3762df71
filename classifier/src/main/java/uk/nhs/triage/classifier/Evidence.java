package uk.nhs.triage.classifier;

import java.util.List;

/**
 * One rule that matched, and the words of the comment that made it match.
 *
 * @param rule where the rule comes from and what it says, e.g. {@code patient_safety.rules:14 "not
 *     been offered" NEAR/4 drink}
 * @param ref the reference of {@code rule}: the {@code file:line} of the rule line it comes from,
 *     with {@code negated } in front when the rule is the negated form of that line (as {@code
 *     rule} has it), e.g. {@code patient_safety.rules:14} or {@code negated negative.rules:3}; null
 *     when the evidence comes from no rule line ({@code fires_with}). The same reference always
 *     stands for the same {@code rule} text within one rules version, so a store may keep the text
 *     once.
 * @param matched the words of the comment, as written, that the rule matched
 * @param weight what the rule added to the label's score (negative for an "unless" rule)
 */
public record Evidence(String rule, String ref, List<String> matched, double weight) {
  public Evidence {
    matched = List.copyOf(matched);
  }
}
