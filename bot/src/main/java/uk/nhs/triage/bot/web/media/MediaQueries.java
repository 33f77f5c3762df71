package uk.nhs.triage.bot.web.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The media log: every press enquiry, kept on file with the response given. */
public final class MediaQueries {
  public static final List<String> STATUSES =
      List.of("new", "in_progress", "responded", "declined", "closed");

  private final Jdbi jdbi;

  public MediaQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One line of the media log. */
  public record MediaEntry(
      long id,
      Long itemId,
      String platform,
      String authorHandle,
      String text,
      String url,
      String outlet,
      String journalist,
      String nature,
      String deadlineText,
      Instant deadline,
      String status,
      String response,
      Instant loggedAt) {

    public String safeUrl() {
      return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
  }

  /** What a comms team member may change on an entry. */
  public record MediaEdit(
      String outlet,
      String journalist,
      String nature,
      String deadlineText,
      String status,
      String response) {}

  /** Every enquiry, newest first. */
  public List<MediaEntry> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT m.*, c.platform, c.author_handle, c.text, c.url, t.id AS item_id
                      FROM media_enquiry m
                      JOIN comment c ON c.id = m.comment_id
                      LEFT JOIN triage_item t ON t.comment_id = c.id
                     ORDER BY m.created_at DESC, m.id DESC
                    """)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  public void update(long id, MediaEdit edit, String actor) {
    if (!STATUSES.contains(edit.status())) {
      throw new IllegalArgumentException("unknown media enquiry status '" + edit.status() + "'");
    }
    jdbi.useTransaction(
        h -> {
          int rows =
              h.createUpdate(
                      """
                      UPDATE media_enquiry
                         SET outlet = :outlet, journalist = :journalist, nature = :nature,
                             deadline_text = :deadlineText, status = :status, response = :response
                       WHERE id = :id
                      """)
                  .bindMethods(edit)
                  .bind("id", id)
                  .execute();
          if (rows == 0) {
            throw new IllegalArgumentException("no media enquiry " + id);
          }
          h.createUpdate(
                  """
                  INSERT INTO audit_log (actor, action, entity, entity_id, detail)
                  VALUES (:actor, 'media_enquiry.updated', 'media_enquiry', :id,
                          jsonb_build_object('status', CAST(:status AS text),
                                             'response', CAST(:response AS text)))
                  """)
              .bind("actor", actor)
              .bind("id", Long.toString(id))
              .bind("status", edit.status())
              .bind("response", edit.response())
              .execute();
        });
  }

  private static MediaEntry row(ResultSet rs) throws SQLException {
    return new MediaEntry(
        rs.getLong("id"),
        (Long) rs.getObject("item_id"),
        rs.getString("platform"),
        rs.getString("author_handle"),
        rs.getString("text"),
        rs.getString("url"),
        rs.getString("outlet"),
        rs.getString("journalist"),
        rs.getString("nature"),
        rs.getString("deadline_text"),
        instant(rs, "deadline"),
        rs.getString("status"),
        rs.getString("response"),
        instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
