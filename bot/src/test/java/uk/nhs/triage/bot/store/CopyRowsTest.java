package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/** COPY's text format gives tabs, newlines and backslashes a meaning: text must survive it. */
class CopyRowsTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Instant POSTED = Instant.parse("2026-04-01T12:00:00Z");

  /** Everything COPY, array literals or JSON treat specially, and Unicode beyond ASCII. */
  static final List<String> AWKWARD =
      List.of(
          "tab\there",
          "new\nline and \r\n Windows ending",
          "back\\slash, \\N, \\t, \\\\ and a lone \\",
          "\\.",
          "\\",
          "ends with a backslash \\",
          "quotes \" ' and {braces}, commas",
          "NULL",
          "",
          " leading and trailing spaces ",
          "emoji 😡🏥 👩🏽‍⚕️ and flags 🏴󠁧󠁢󠁷󠁬󠁳󠁿",
          "Cymraeg: ŵ ŷ, Polski: żółć, العربية, עברית, 中文, हिन्दी",
          "line\u2028separator, zero\u200Bwidth, bom \uFEFF, bell \u0007, escape \u001B, del \u007F",
          "combining e\u0301 and U+FFFF \uFFFF");

  @Test
  void rowsCopiedInAreReadBackExactlyAsSent() {
    List<List<String>> back =
        DB.jdbi()
            .inTransaction(
                h -> {
                  h.execute(
                      "CREATE TEMP TABLE copied (n bigint, t text, a text[], j jsonb) ON COMMIT"
                          + " DROP");
                  CopyRows copy = new CopyRows("copied (n, t, a, j)");
                  for (int i = 0; i < AWKWARD.size(); i++) {
                    String text = AWKWARD.get(i);
                    copy.number(i)
                        .text(text)
                        .array(List.of(text, "second"))
                        .text(new JsonColumns(TestDatabase.mapper()).object(Map.of("k", text)))
                        .endRow();
                  }
                  copy.number(AWKWARD.size()).text(null).array(List.of()).text(null).endRow();
                  copy.copyInto(h);
                  return h.createQuery(
                          "SELECT t, a[1], a[2], j->>'k', cardinality(a) FROM copied ORDER BY n")
                      .map(
                          (rs, ctx) -> {
                            List<String> row = new ArrayList<>();
                            for (int c = 1; c <= 5; c++) {
                              row.add(rs.getString(c));
                            }
                            return row;
                          })
                      .list();
                });

    for (int i = 0; i < AWKWARD.size(); i++) {
      String text = AWKWARD.get(i);
      assertThat(back.get(i)).containsExactly(text, text, "second", text, "2");
      assertThat(back.get(i).get(0).getBytes(StandardCharsets.UTF_8))
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(back.get(AWKWARD.size())).containsExactly(null, null, null, null, "0");
  }

  @Test
  void aRowTheServerRefusesFailsTheCopyWithTheTableNamed() {
    assertThatThrownBy(
            () ->
                DB.jdbi()
                    .useTransaction(
                        h -> {
                          h.execute("CREATE TEMP TABLE strict (n bigint NOT NULL) ON COMMIT DROP");
                          new CopyRows("strict (n)").text(null).endRow().copyInto(h);
                        }))
        .isInstanceOf(CopyRows.CopyFailedException.class)
        .hasMessageContaining("COPY strict (n)")
        .hasMessageContaining("null value");
  }

  @Test
  void aWholeBatchOfAwkwardCommentsIsStoredByteForByte() {
    TriageStore store = DB.store();
    store.registerAccount("acc-copy", "x", "NHSExampleICB");
    List<TriagedComment> batch = new ArrayList<>();
    for (int i = 0; i < AWKWARD.size(); i++) {
      String text = AWKWARD.get(i);
      Comment comment =
          new Comment(
              "x",
              "copy-" + i,
              "acc-copy",
              new Author("a" + i, "handle\t" + text, "name\n" + text),
              text,
              POSTED,
              "https://x.example/" + i + "?q=\\t",
              null,
              "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      Classification classification =
          new Classification(
              Map.of(
                  Label.NEGATIVE,
                  new LabelScore(
                      Label.NEGATIVE,
                      2,
                      1,
                      Verdict.FIRED,
                      List.of(
                          new Evidence(
                              "negative.rules:3 \"a\\tb\"",
                              "negative.rules:3",
                              List.of(text),
                              2)))),
              "v\t1");
      batch.add(triaged(comment, classification, decision(Priority.LOW, null, Queue.PALS)));
    }

    SaveResult result = store.saveBatch("acc-copy", batch, "cursor\t\\1");

    assertThat(result.stored()).isEqualTo(AWKWARD.size());
    for (int i = 0; i < AWKWARD.size(); i++) {
      String text = AWKWARD.get(i);
      String id = "'copy-" + i + "'";
      assertThat(
              DB.strings(
                  "SELECT c.text || '|' || c.author_handle || '|' || c.author_name || '|' || c.url"
                      + " || '|' || c.raw_payload || '|' || cl.rules_version || '|'"
                      + " || (cl.evidence->'negative'->0->'matched'->>0) || '|'"
                      + " || (evidence_with_rules(cl.rules_version, cl.evidence)->'negative'->0->>'rule')"
                      + " || '|' || (o.payload->>'text')"
                      + " FROM comment c JOIN classification cl ON cl.comment_id = c.id"
                      + " JOIN outbox o ON o.idempotency_key = 'email:PALS:x:' || c.external_id"
                      + " WHERE c.external_id = "
                      + id))
          .containsExactly(
              String.join(
                  "|",
                  text,
                  "handle\t" + text,
                  "name\n" + text,
                  "https://x.example/" + i + "?q=\\t",
                  "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                  "v\t1",
                  text,
                  "negative.rules:3 \"a\\tb\"",
                  text));
    }
    assertThat(store.cursor("acc-copy")).contains("cursor\t\\1");
    assertThat(
            DB.count(
                "SELECT count(*) FROM triage_item t JOIN comment c ON c.id = t.comment_id"
                    + " WHERE c.account_id = 'acc-copy' AND t.reply_draft = 'Thank you for your comment.'"))
        .isEqualTo(AWKWARD.size());
    assertThat(DB.count("SELECT count(*) FROM audit_log WHERE detail->>'externalId' LIKE 'copy-%'"))
        .isEqualTo(AWKWARD.size());
  }
}
