package uk.nhs.triage.bot.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.ReplyTarget;
import uk.nhs.triage.bot.AccountAdapters;
import uk.nhs.triage.bot.config.Account;
import uk.nhs.triage.bot.config.TriageConfig;

/**
 * Posts approved replies and hides comments on the platforms, through the account's adapter. The
 * comment is rebuilt from the stored comment row, raw payload included, since some platforms thread
 * a reply by what the payload says (Facebook answers under the top-level comment).
 */
final class PlatformActions {
  private final Jdbi jdbi;
  private final TriageConfig config;
  private final Map<String, String> environment;

  PlatformActions(Jdbi jdbi, TriageConfig config, Map<String, String> environment) {
    this.jdbi = jdbi;
    this.config = config;
    this.environment = environment;
  }

  /**
   * Posts the reply the entry holds.
   *
   * @return the platform's id of the posted reply
   */
  String reply(OutboxEntry entry) throws AdapterException, PermanentFailure {
    return target(entry).reply(comment(entry), text(entry), entry.idempotencyKey());
  }

  /**
   * The platform's id of the entry's reply if an earlier attempt already posted it under the
   * comment, as this account and with this text.
   *
   * @throws AdapterException when the platform could not be asked: whether the reply is there is
   *     then unknown, and the message says that it was not posted again
   */
  Optional<String> alreadyPosted(OutboxEntry entry) throws AdapterException, PermanentFailure {
    ReplyTarget target = target(entry);
    Comment comment = comment(entry);
    try {
      return target.findOwnReply(comment, text(entry));
    } catch (AdapterException e) {
      throw new AdapterException(
          "could not check whether an earlier attempt already posted this reply, so it was not"
              + " posted again",
          e);
    }
  }

  private static String text(OutboxEntry entry) throws PermanentFailure {
    String text = entry.text("text");
    if (text == null || text.isBlank()) {
      throw new PermanentFailure("reply has no text");
    }
    return text;
  }

  void hide(OutboxEntry entry) throws AdapterException, PermanentFailure {
    target(entry).hide(comment(entry));
  }

  private ReplyTarget target(OutboxEntry entry) throws PermanentFailure {
    String accountId =
        entry.text("account_id") != null ? entry.text("account_id") : entry.destination();
    Account account =
        config
            .account(accountId)
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        "account " + accountId + " is not in " + config.file().getFileName()));
    Optional<ReplyTarget> target;
    try {
      target = AccountAdapters.replyTarget(account, environment);
    } catch (RuntimeException e) {
      throw new PermanentFailure("account " + accountId + ": " + e.getMessage());
    }
    return target.orElseThrow(
        () ->
            new PermanentFailure(
                "account "
                    + accountId
                    + ": "
                    + (account.platform().equals("replay")
                        ? "replay accounts cannot post"
                        : "platform " + account.platform() + " cannot post replies")));
  }

  private Comment comment(OutboxEntry entry) throws PermanentFailure {
    String platform = entry.text("platform");
    String externalId = entry.text("external_id");
    if (platform == null || externalId == null) {
      throw new PermanentFailure("payload lacks platform or external_id");
    }
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT * FROM comment
                         WHERE platform = :platform AND external_id = :externalId
                        """)
                    .bind("platform", platform)
                    .bind("externalId", externalId)
                    .map((rs, ctx) -> stored(rs))
                    .findOne())
        .orElseGet(
            () ->
                // The web app may act on a comment this database never stored (tests, imports):
                // what the payload says is enough to address it.
                new Comment(
                    platform,
                    externalId,
                    entry.text("account_id"),
                    Author.UNKNOWN,
                    "",
                    null,
                    entry.text("comment_url"),
                    null,
                    null));
  }

  private static Comment stored(ResultSet rs) throws SQLException {
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    return new Comment(
        rs.getString("platform"),
        rs.getString("external_id"),
        rs.getString("account_id"),
        new Author(
            rs.getString("author_key"), rs.getString("author_handle"), rs.getString("author_name")),
        rs.getString("text"),
        created == null ? null : created.toInstant(),
        rs.getString("url"),
        rs.getString("in_reply_to"),
        rs.getString("raw_payload"));
  }
}
