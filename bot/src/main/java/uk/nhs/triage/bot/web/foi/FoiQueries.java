package uk.nhs.triage.bot.web.foi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The FOI team's list of cases, and the status changes they make. */
public final class FoiQueries {
  public static final List<String> STATUSES =
      List.of(
          "open",
          "clarification_sought",
          "answered",
          "responded",
          "refused",
          "withdrawn",
          "not_foi",
          "closed");

  /** Statuses that mean the case is finished. */
  private static final String FINISHED =
      "('answered', 'responded', 'refused', 'withdrawn', 'not_foi', 'closed')";

  private final Jdbi jdbi;

  public FoiQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One FOI case as the FOI page shows it. */
  public record FoiCase(
      long id,
      String reference,
      Long itemId,
      String platform,
      String authorHandle,
      String text,
      String url,
      Instant receivedAt,
      LocalDate dueDate,
      long daysLeft,
      String requesterName,
      boolean realNameDiscernible,
      boolean addressPresent,
      boolean descriptionPresent,
      String status) {

    public boolean overdue() {
      return daysLeft < 0;
    }

    public String safeUrl() {
      return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
  }

  /** Cases still open (or all of them), soonest due first; days left are calendar days. */
  public List<FoiCase> cases(boolean includeFinished, LocalDate today) {
    String where = includeFinished ? "" : "WHERE f.status NOT IN " + FINISHED;
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT f.*, c.platform, c.author_handle, c.text, c.url, t.id AS item_id
                      FROM foi_case f
                      JOIN comment c ON c.id = f.comment_id
                      LEFT JOIN triage_item t ON t.comment_id = c.id
                    %s
                     ORDER BY f.due_date, f.reference
                    """
                        .formatted(where))
                .map((rs, ctx) -> row(rs, today))
                .list());
  }

  public void setStatus(long id, String status, String actor) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown FOI status '" + status + "'");
    }
    jdbi.useTransaction(
        h -> {
          String before =
              h.createQuery("SELECT status FROM foi_case WHERE id = :id FOR UPDATE")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne()
                  .orElseThrow(() -> new IllegalArgumentException("no FOI case " + id));
          h.createUpdate("UPDATE foi_case SET status = :s WHERE id = :id")
              .bind("s", status)
              .bind("id", id)
              .execute();
          h.createUpdate(
                  """
                  INSERT INTO audit_log (actor, action, entity, entity_id, detail)
                  VALUES (:actor, 'foi_case.status', 'foi_case', :id,
                          jsonb_build_object('from', CAST(:before AS text), 'to', CAST(:after AS text)))
                  """)
              .bind("actor", actor)
              .bind("id", Long.toString(id))
              .bind("before", before)
              .bind("after", status)
              .execute();
        });
  }

  private static FoiCase row(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate due = rs.getObject("due_date", LocalDate.class);
    OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
    return new FoiCase(
        rs.getLong("id"),
        rs.getString("reference"),
        (Long) rs.getObject("item_id"),
        rs.getString("platform"),
        rs.getString("author_handle"),
        rs.getString("text"),
        rs.getString("url"),
        received == null ? null : received.toInstant(),
        due,
        java.time.temporal.ChronoUnit.DAYS.between(today, due),
        rs.getString("requester_name"),
        rs.getBoolean("real_name_discernible"),
        rs.getBoolean("address_present"),
        rs.getBoolean("description_present"),
        rs.getString("status"));
  }
}
