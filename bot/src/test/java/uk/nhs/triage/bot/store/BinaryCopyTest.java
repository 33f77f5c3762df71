package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Action;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.bot.routing.FoiAssessment;
import uk.nhs.triage.bot.routing.MediaEnquiry;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Evidence;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

/**
 * The rows a batch adds, written in COPY's binary format, are stored as the same values as the same
 * rows in COPY's text format: every column of every table, compared as the server reads them back,
 * for awkward text and for instants whose nanoseconds the server must round.
 */
class BinaryCopyTest {

  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  /** {@link CopyRowsTest#AWKWARD}, NUL, broken surrogates and a long text. */
  private static final List<String> AWKWARD =
      Stream.concat(
              CopyRowsTest.AWKWARD.stream(),
              Stream.of(
                  "nul \0 inside and \\u0000 as text",
                  "lone \uD83D surrogate, reversed \uDE00\uD83D pair",
                  "long " + "complaint ".repeat(20_000)))
          .toList();

  /** Fractions the server rounds to microseconds: halves (to even), carries into the second. */
  private static final int[] NANOS = {
    0, 1, 499, 500, 501, 1_500, 2_500, 123_456_500, 999_999_499, 999_999_500, 999_999_999
  };

  /** Seconds before 1970, before 2000 and after. */
  private static final long[] SECONDS = {-315_619_200L, 915_148_799L, 1_796_000_000L};

  @Test
  void binaryRowsReadBackAsTheTextRowsDo() {
    List<TriagedComment> batch = batch();
    DB.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO account (id, platform, handle) VALUES ('acc-bin', 'x', 'NHS')");
              BatchPreparer preparer =
                  new BatchPreparer(
                      h, new JsonColumns(TestDatabase.mapper()), new KnownRuleLines());
              PreparedBatch prepared = preparer.prepare("acc-bin", batch);
              Set<RuleLines.Key> stored =
                  RuleLines.store(h, batch.stream().map(TriagedComment::classification).toList());
              List<PreparedTable> text = preparer.tables("acc-bin", prepared.fresh, stored, false);
              List<PreparedTable> binary = preparer.tables("acc-bin", prepared.fresh, stored, true);

              boolean[] all = new boolean[prepared.fresh.size()];
              java.util.Arrays.fill(all, true);
              boolean[] some = new boolean[all.length];
              for (int i = 0; i < some.length; i += 3) {
                some[i] = true;
              }
              h.useTransaction(
                  t -> {
                    Map<String, List<String>> fromText = copyAndRead(t, text, all, true);
                    Map<String, List<String>> fromBinary = copyAndRead(t, binary, all, true);
                    assertThat(fromText.keySet())
                        .containsExactly(
                            "comment",
                            "classification",
                            "triage_item",
                            "foi_case",
                            "media_enquiry",
                            "outbox",
                            "audit_log");
                    fromText.forEach((table, rows) -> assertThat(rows).as(table).isNotEmpty());
                    assertThat(fromText.get("comment")).hasSize(batch.size());
                    for (String table : fromText.keySet()) {
                      assertThat(fromBinary.get(table)).as(table).isEqualTo(fromText.get(table));
                    }
                    // Some comments' rows cut out of the buffers, as when some were stored since.
                    Map<String, List<String>> someText = copyAndRead(t, text, some, false);
                    Map<String, List<String>> someBinary = copyAndRead(t, binary, some, false);
                    assertThat(someText.get("comment")).hasSize((batch.size() + 2) / 3);
                    assertThat(someBinary).isEqualTo(someText);
                  });
            });
  }

  /**
   * Copies each table's rows into a temporary table of the same name and columns (it comes first on
   * the search path), reads every copied column back as the server writes the row as text, in
   * order, and drops the temporary table.
   */
  private static Map<String, List<String>> copyAndRead(
      Handle h, List<PreparedTable> tables, boolean[] keep, boolean keepAll) {
    Map<String, List<String>> read = new LinkedHashMap<>();
    for (PreparedTable table : tables) {
      String target = table.target();
      String name = target.substring(0, target.indexOf(' '));
      String columns = target.substring(target.indexOf('(') + 1, target.lastIndexOf(')'));
      h.execute("CREATE TEMP TABLE " + name + " (LIKE public." + name + " INCLUDING DEFAULTS)");
      table.copyInto(h, keep, keepAll);
      read.put(
          name,
          h.createQuery("SELECT ROW(" + columns + ")::text FROM pg_temp." + name + " ORDER BY 1")
              .mapTo(String.class)
              .list());
      h.execute("DROP TABLE pg_temp." + name);
    }
    return read;
  }

  private static List<TriagedComment> batch() {
    List<TriagedComment> batch = new ArrayList<>();
    int n = 0;
    for (String text : AWKWARD) {
      for (int kind = 0; kind < 3; kind++) {
        Instant at = Instant.ofEpochSecond(SECONDS[n % SECONDS.length], NANOS[n % NANOS.length]);
        Instant other =
            Instant.ofEpochSecond(SECONDS[(n + 1) % SECONDS.length], NANOS[(n + 5) % NANOS.length]);
        Comment comment =
            new Comment(
                "x",
                "bin-" + n + "-" + text.hashCode(),
                "acc-bin",
                new Author("a" + n, "handle\t" + text, n % 4 == 0 ? null : "name\n" + text),
                text,
                n % 5 == 0 ? null : at,
                "https://x.example/" + n + "?q=\\t",
                n % 2 == 0 ? null : "reply\t" + text,
                "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        batch.add(triaged(comment, classification(text, n), decision(kind, text, at, other)));
        n++;
      }
    }
    return batch;
  }

  private static Classification classification(String text, int n) {
    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    scores.put(
        Label.NEGATIVE,
        new LabelScore(
            Label.NEGATIVE,
            2.5,
            1,
            Verdict.FIRED,
            List.of(
                new Evidence(
                    "negative.rules:3 \"a\\tb\"", "negative.rules:3", List.of(text, "x"), 2),
                new Evidence("inline " + text, null, List.of(text), 0.1 * n))));
    if (n % 2 == 0) {
      scores.put(
          Label.PATIENT_SAFETY,
          new LabelScore(Label.PATIENT_SAFETY, 0.8, 1, Verdict.REVIEW, List.of()));
    }
    return new Classification(scores, n % 7 == 0 ? null : "v\t1 " + text.length());
  }

  private static Decision decision(int kind, String text, Instant at, Instant other) {
    return switch (kind) {
      case 0 ->
          new Decision(
              Set.of(Queue.PALS, Queue.COMMS),
              List.of(Action.REPLY_DRAFT),
              Priority.LOW,
              at,
              "thanks",
              "Thank you, " + text,
              null,
              null,
              List.of("rule\t" + text, "second"));
      case 1 ->
          new Decision(
              Set.of(Queue.COMMS, Queue.FOI),
              List.of(Action.FORWARD_TO_FOI, Action.ADVICE_AND_ASSISTANCE),
              Priority.NORMAL,
              null,
              null,
              null,
              new FoiAssessment(
                  at, LocalDate.of(1999, 12, 31).plusDays(text.length()), text, true, false, true),
              null,
              List.of("foi_request fired: " + text));
      default ->
          new Decision(
              Set.of(Queue.COMMS),
              List.of(Action.LOG_MEDIA_ENQUIRY, Action.DO_NOT_ENGAGE),
              Priority.URGENT,
              other,
              null,
              null,
              null,
              new MediaEnquiry(text, "journalist\n" + text, "nature " + text, "by 5pm", other),
              List.of());
    };
  }
}
