package uk.nhs.triage.bot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;

/** The FOI cases and media enquiries of a batch's new comments, one statement each. */
final class CaseRows {

  private final Handle handle;

  CaseRows(Handle handle) {
    this.handle = handle;
  }

  /** Gives each FOI case its reference (kept on the comment for the FOI team's email). */
  void insertFoiCases(List<NewComment> all) {
    List<NewComment> rows = all.stream().filter(n -> n.decision().foi() != null).toList();
    if (rows.isEmpty()) {
      return;
    }
    List<Long> numbers =
        handle
            .createQuery(
                "SELECT nextval('foi_reference_seq') AS n FROM generate_series(1, :count) ORDER BY n")
            .bind("count", rows.size())
            .mapTo(Long.class)
            .list();
    Instant now = Instant.now();
    List<Instant> received = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      FoiAssessment foi = rows.get(i).decision().foi();
      received.add(foi.receivedAt() != null ? foi.receivedAt() : now);
      rows.get(i).foiReference = TriageRecords.foiReference(received.get(i), numbers.get(i));
    }
    handle
        .createUpdate(
            """
            INSERT INTO foi_case (reference, comment_id, received_at, due_date, requester_name,
                                  real_name_discernible, address_present, description_present)
            SELECT reference, id, CAST(received_at AS timestamptz), CAST(due_date AS date),
                   requester_name, real_name, address, description
              FROM unnest(:reference, :id, :receivedAt, :dueDate, :requesterName, :realName,
                          :address, :description) WITH ORDINALITY
                   AS u(reference, id, received_at, due_date, requester_name, real_name, address,
                        description, n)
             ORDER BY n
            """)
        .bindArray("reference", String.class, rows.stream().map(n -> n.foiReference).toList())
        .bindArray("id", Long.class, rows.stream().map(n -> n.commentId).toList())
        .bindArray("receivedAt", String.class, Columns.instants(received, r -> r))
        .bindArray("dueDate", String.class, Columns.dates(rows, n -> n.decision().foi().dueDate()))
        .bindArray(
            "requesterName",
            String.class,
            Columns.text(rows, n -> n.decision().foi().requesterName()))
        .bindArray("realName", Boolean.class, flags(rows, FoiAssessment::realNameDiscernible))
        .bindArray("address", Boolean.class, flags(rows, FoiAssessment::addressForCorrespondence))
        .bindArray("description", Boolean.class, flags(rows, FoiAssessment::describesInformation))
        .execute();
  }

  private static List<Boolean> flags(List<NewComment> rows, Predicate<FoiAssessment> flag) {
    return rows.stream().map(n -> flag.test(n.decision().foi())).toList();
  }

  void insertMediaEnquiries(List<NewComment> all) {
    List<NewComment> rows = all.stream().filter(n -> n.decision().media() != null).toList();
    if (rows.isEmpty()) {
      return;
    }
    List<MediaEnquiry> media = rows.stream().map(n -> n.decision().media()).toList();
    handle
        .createUpdate(
            """
            INSERT INTO media_enquiry (comment_id, outlet, journalist, nature, deadline_text,
                                       deadline)
            SELECT id, outlet, journalist, nature, deadline_text, CAST(deadline AS timestamptz)
              FROM unnest(:id, :outlet, :journalist, :nature, :deadlineText, :deadline)
                   WITH ORDINALITY
                   AS u(id, outlet, journalist, nature, deadline_text, deadline, n)
             ORDER BY n
            """)
        .bindArray("id", Long.class, rows.stream().map(n -> n.commentId).toList())
        .bindArray("outlet", String.class, Columns.text(media, MediaEnquiry::outlet))
        .bindArray("journalist", String.class, Columns.text(media, MediaEnquiry::journalist))
        .bindArray("nature", String.class, Columns.text(media, MediaEnquiry::nature))
        .bindArray("deadlineText", String.class, Columns.text(media, MediaEnquiry::deadlineText))
        .bindArray("deadline", String.class, Columns.instants(media, MediaEnquiry::deadline))
        .execute();
  }
}
