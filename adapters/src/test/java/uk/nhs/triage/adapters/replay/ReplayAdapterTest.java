package uk.nhs.triage.adapters.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;

class ReplayAdapterTest {
  @TempDir Path dir;

  private Path feed(String content) throws IOException {
    Path file = dir.resolve("feed.jsonl");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsEveryFieldOfTheExportShape() throws Exception {
    Path file =
        feed(
            """
            {"id":"c1","text":"Thank you ward 7 ❤️","platform":"x","author":{"id":"42","handle":"@sue_b","name":"Sue Brown"},"created_at":"2026-11-16T08:12:00Z","url":"https://x.example/c1","in_reply_to":"p9"}
            """);
    Page page = new ReplayAdapter("demo", file, 100).poll(null);

    assertThat(page.comments()).hasSize(1);
    Comment comment = page.comments().get(0);
    assertThat(comment.platform()).isEqualTo("x");
    assertThat(comment.externalId()).isEqualTo("c1");
    assertThat(comment.accountId()).isEqualTo("demo");
    assertThat(comment.text()).isEqualTo("Thank you ward 7 ❤️");
    assertThat(comment.author().handle()).isEqualTo("sue_b");
    assertThat(comment.author().name()).isEqualTo("Sue Brown");
    assertThat(comment.createdAt()).isEqualTo(Instant.parse("2026-11-16T08:12:00Z"));
    assertThat(comment.url()).isEqualTo("https://x.example/c1");
    assertThat(comment.inReplyToId()).isEqualTo("p9");
    assertThat(comment.rawPayload()).contains("\"id\":\"c1\"");
    assertThat(page.problems()).isEmpty();
  }

  @Test
  void onlyIdAndTextAreRequiredAndPlatformDefaultsToReplay() throws Exception {
    Page page = new ReplayAdapter("demo", feed("{\"id\":\"a\",\"text\":\"hi\"}\n"), 10).poll(null);
    assertThat(page.comments())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.platform()).isEqualTo("replay");
              assertThat(c.author().historyKey()).isNull();
              assertThat(c.createdAt()).isNull();
            });
  }

  @Test
  void cursorResumesAfterTheLastLineReadAndPicksUpAppendedLines() throws Exception {
    Path file = feed("{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"text\":\"two\"}\n");
    ReplayAdapter adapter = new ReplayAdapter("demo", file, 10);
    Page first = adapter.poll(null);
    assertThat(first.comments()).extracting(Comment::externalId).containsExactly("1", "2");

    assertThat(adapter.poll(first.cursor()).comments()).isEmpty();

    Files.writeString(file, "{\"id\":\"3\",\"text\":\"three\"}\n", StandardOpenOption.APPEND);
    Page second = adapter.poll(first.cursor());
    assertThat(second.comments()).extracting(Comment::externalId).containsExactly("3");
  }

  @Test
  void pagesThroughALongFile() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      lines.append("{\"id\":\"").append(i).append("\",\"text\":\"t\"}\n");
    }
    ReplayAdapter adapter = new ReplayAdapter("demo", feed(lines.toString()), 10);
    String cursor = null;
    int pages = 0;
    int comments = 0;
    Page page;
    do {
      page = adapter.poll(cursor);
      cursor = page.cursor();
      comments += page.comments().size();
      pages++;
    } while (page.more());
    assertThat(comments).isEqualTo(25);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void aLastLineWithoutItsNewlineWaitsForTheNextPoll() throws Exception {
    Path file = feed("{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"te");
    ReplayAdapter adapter = new ReplayAdapter("demo", file, 10);
    Page first = adapter.poll(null);
    assertThat(first.comments()).extracting(Comment::externalId).containsExactly("1");

    Files.writeString(file, "xt\":\"two\"}\n", StandardOpenOption.APPEND);
    assertThat(adapter.poll(first.cursor()).comments())
        .extracting(Comment::text)
        .containsExactly("two");
  }

  @Test
  void aBrokenLineIsReportedWithItsPlaceAndTheRestAreRead() throws Exception {
    Path file =
        feed(
            "{\"id\":\"1\",\"text\":\"one\"}\n"
                + "{\"id\":\"2\",\"text\":\n"
                + "{\"text\":\"no id\"}\n"
                + "[1,2]\n"
                + "{\"id\":\"5\",\"text\":\"five\",\"created_at\":\"yesterday\"}\n"
                + "{\"id\":\"6\",\"text\":\"six\"}\n");
    Page page = new ReplayAdapter("demo", file, 100).poll(null);

    assertThat(page.comments()).extracting(Comment::externalId).containsExactly("1", "6");
    assertThat(page.problems()).hasSize(4);
    assertThat(page.problems().get(0)).startsWith("feed.jsonl at byte 24: not JSON");
    assertThat(page.problems().get(1)).contains("missing \"id\"");
    assertThat(page.problems().get(2)).contains("not a JSON object");
    assertThat(page.problems().get(3)).contains("not an ISO-8601 date-time: yesterday");
  }

  @Test
  void brokenUtf8IsReadWithReplacementCharactersAndReported() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    byte[] prefix = "{\"id\":\"1\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[prefix.length + 1 + suffix.length];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    bytes[prefix.length] = (byte) 0xC3; // a lone lead byte: é cut in half
    System.arraycopy(suffix, 0, bytes, prefix.length + 1, suffix.length);
    Files.write(file, bytes);

    Page page = new ReplayAdapter("demo", file, 10).poll(null);
    assertThat(page.comments()).singleElement().extracting(Comment::text).isEqualTo("caf\uFFFD");
    assertThat(page.problems()).singleElement().asString().contains("invalid UTF-8");
  }

  @Test
  void aTenMegabyteCommentIsRead() throws Exception {
    String big = "a".repeat(10 * 1024 * 1024);
    Page page =
        new ReplayAdapter("demo", feed("{\"id\":\"big\",\"text\":\"" + big + "\"}\n"), 10)
            .poll(null);
    assertThat(page.comments())
        .singleElement()
        .extracting(c -> c.text().length())
        .isEqualTo(big.length());
  }

  @Test
  void aMissingFileOrBadCursorIsAClearError() throws Exception {
    ReplayAdapter missing = new ReplayAdapter("demo", dir.resolve("nope.jsonl"), 10);
    assertThatThrownBy(() -> missing.poll(null))
        .isInstanceOf(AdapterException.class)
        .hasMessageContaining("replay account demo: no file");

    ReplayAdapter adapter = new ReplayAdapter("demo", feed("{\"id\":\"1\",\"text\":\"x\"}\n"), 10);
    assertThatThrownBy(() -> adapter.poll("abc")).hasMessageContaining("not a byte offset");
    assertThatThrownBy(() -> adapter.poll("9999")).hasMessageContaining("past the end");
  }
}
