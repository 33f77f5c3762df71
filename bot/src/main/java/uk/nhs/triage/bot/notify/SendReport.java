package uk.nhs.triage.bot.notify;

/**
 * What one run of the sender did.
 *
 * @param sent outbox entries delivered (a digest counts each entry it carried)
 * @param retrying entries that failed and will be tried again later
 * @param failed entries given up on: they stay in the outbox with {@code failed_at} set
 * @param waiting non-urgent emails held until the office opens
 */
public record SendReport(int sent, int retrying, int failed, int waiting) {
  public static final SendReport NOTHING = new SendReport(0, 0, 0, 0);

  public SendReport plus(SendReport other) {
    return new SendReport(
        sent + other.sent,
        retrying + other.retrying,
        failed + other.failed,
        waiting + other.waiting);
  }

  public int claimed() {
    return sent + retrying + failed + waiting;
  }
}
