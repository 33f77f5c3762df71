package uk.nhs.triage.bot.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A possible Freedom of Information request. The bot does not decide validity: it records what the
 * FOI team needs to decide (FOI Act s.8 elements present or missing) and the statutory due date.
 *
 * @param receivedAt when the request was received (the comment's time, else when it was fetched)
 * @param dueDate the 20th working day after receipt (UK-wide bank holidays excluded)
 * @param requesterName the real name if one is discernible, else null
 * @param realNameDiscernible s.8(1)(b): a real name, not just a handle
 * @param addressForCorrespondence s.8(1)(b): an email or postal address in the request
 * @param describesInformation s.8(1)(c): the information wanted is described
 */
public record FoiAssessment(
    Instant receivedAt,
    LocalDate dueDate,
    String requesterName,
    boolean realNameDiscernible,
    boolean addressForCorrespondence,
    boolean describesInformation) {

  /** The s.8 elements that are missing, in words the FOI team uses. */
  public List<String> missingElements() {
    List<String> missing = new java.util.ArrayList<>();
    if (!realNameDiscernible) {
      missing.add("real name");
    }
    if (!addressForCorrespondence) {
      missing.add("address for correspondence");
    }
    if (!describesInformation) {
      missing.add("description of the information requested");
    }
    return List.copyOf(missing);
  }
}
