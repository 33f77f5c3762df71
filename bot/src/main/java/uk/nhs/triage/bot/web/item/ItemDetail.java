package uk.nhs.triage.bot.web.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import uk.nhs.triage.bot.routing.Queue;

/** Everything the item page shows about one triage item. */
public record ItemDetail(
    long id,
    long commentId,
    String platform,
    String externalId,
    String accountId,
    String authorKey,
    String authorHandle,
    String authorName,
    String text,
    Instant postedAt,
    String url,
    List<String> labels,
    List<String> reviewLabels,
    JsonNode evidence,
    List<Queue> queues,
    List<String> actions,
    String priority,
    Instant dueBy,
    String status,
    String assignee,
    String notes,
    String replyDraft,
    JsonNode decision,
    boolean mediaEnquiry,
    Instant createdAt) {

  /** Press contacts are never answered on social media (policy 004 criterion 11). */
  public boolean pressContact() {
    return mediaEnquiry
        || labels.contains("press_contact")
        || actions.contains("LOG_MEDIA_ENQUIRY");
  }

  /** The link to the comment on its platform, only when it is a web address. */
  public String safeUrl() {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
  }
}
