package uk.nhs.triage.bot.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Message-IDs derived from what an email carries, never from when it was sent: a retry of the same
 * notification after a crash carries the same Message-ID, which is how mail systems recognise a
 * duplicate.
 */
public final class MessageIds {
  static final String DOMAIN = "triage-bot";

  private MessageIds() {}

  /** For the email of one outbox entry. */
  public static String forKey(String idempotencyKey) {
    return "<" + hash(idempotencyKey) + "@" + DOMAIN + ">";
  }

  /** For a digest: the same set of outbox entries always gives the same id, in any order. */
  public static String forDigest(String destination, List<Long> outboxIds) {
    String ids = outboxIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    return forKey("digest:" + destination + ":" + ids);
  }

  // A hash keeps the comment's platform id (which a person may recognise) out of mail headers.
  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
