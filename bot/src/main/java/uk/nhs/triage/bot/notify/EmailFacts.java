package uk.nhs.triage.bot.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** What a notification says beyond its outbox payload, read from the triage tables. */
final class EmailFacts {
  private final Jdbi jdbi;

  EmailFacts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The FOI case opened for a comment. */
  record FoiCase(
      String reference,
      Instant receivedAt,
      LocalDate dueDate,
      String requesterName,
      boolean realNameDiscernible,
      boolean addressPresent,
      boolean descriptionPresent) {}

  /**
   * The author's earlier comments on the platform, and whether the classifier called them
   * persistent.
   */
  record History(long earlierComments, boolean persistent) {}

  /** The media log's entry for a comment. */
  record Media(
      String outlet, String journalist, String nature, String deadlineText, Instant deadline) {}

  Optional<FoiCase> foiCase(String platform, String externalId) {
    return byComment(
        """
        SELECT f.* FROM foi_case f JOIN comment c ON c.id = f.comment_id
         WHERE c.platform = :platform AND c.external_id = :externalId
        """,
        platform,
        externalId,
        (rs, ctx) ->
            new FoiCase(
                rs.getString("reference"),
                instant(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("requester_name"),
                rs.getBoolean("real_name_discernible"),
                rs.getBoolean("address_present"),
                rs.getBoolean("description_present")));
  }

  History history(String platform, String externalId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT (SELECT count(*) FROM comment e
                             WHERE e.platform = c.platform AND e.author_key = c.author_key
                               AND (coalesce(e.created_at, e.fetched_at), e.id)
                                   < (coalesce(c.created_at, c.fetched_at), c.id)) AS earlier,
                           coalesce('persistent_user' = ANY (cl.labels), false) AS persistent
                      FROM comment c LEFT JOIN classification cl ON cl.comment_id = c.id
                     WHERE c.platform = :platform AND c.external_id = :externalId
                    """)
                .bind("platform", platform)
                .bind("externalId", externalId)
                .map((rs, ctx) -> new History(rs.getLong("earlier"), rs.getBoolean("persistent")))
                .findOne()
                .orElse(new History(0, false)));
  }

  Optional<Media> media(String platform, String externalId) {
    return byComment(
        """
        SELECT m.* FROM media_enquiry m JOIN comment c ON c.id = m.comment_id
         WHERE c.platform = :platform AND c.external_id = :externalId
        """,
        platform,
        externalId,
        (rs, ctx) ->
            new Media(
                rs.getString("outlet"),
                rs.getString("journalist"),
                rs.getString("nature"),
                rs.getString("deadline_text"),
                instant(rs, "deadline")));
  }

  /** The one row a query finds for a comment, by its platform and external id. */
  private <T> Optional<T> byComment(
      String sql, String platform, String externalId, RowMapper<T> mapper) {
    return jdbi.withHandle(
        h ->
            h.createQuery(sql)
                .bind("platform", platform)
                .bind("externalId", externalId)
                .map(mapper)
                .findOne());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
