package uk.nhs.triage.bot.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes generated comments in the replay account's JSON-lines shape, as a platform export would
 * give them: seeded texts, authors drawn from a pool (a few write a lot, as in real life), posting
 * times spread evenly over a period. Each call appends to the file, ids carrying on.
 */
public final class ReplayFeedWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final String idPrefix;
  private final CommentGenerator texts;
  private final SplittableRandom random;
  private final int authors;
  private final Instant start;
  private final Duration step;
  private long written;

  /**
   * @param idPrefix starts every comment id, so runs on one database do not collide
   * @param total how many comments the period is shared among (later ones go past its end)
   */
  public ReplayFeedWriter(
      Path file,
      String idPrefix,
      CommentGenerator texts,
      long seed,
      int authors,
      Instant start,
      Duration period,
      long total) {
    this.file = file;
    this.idPrefix = idPrefix;
    this.texts = texts;
    this.random = new SplittableRandom(seed);
    this.authors = authors;
    this.start = start;
    this.step = period.dividedBy(Math.max(1, total));
  }

  /** Appends {@code count} comments and returns how many the file now has. */
  public long append(long count) throws IOException {
    try (Writer out =
            new BufferedWriter(
                // Replaces, not refuses, a surrogate half the generator's typos may have split.
                new OutputStreamWriter(
                    Files.newOutputStream(
                        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    StandardCharsets.UTF_8),
                1 << 16);
        JsonGenerator json = JSON.createGenerator(out)) {
      for (long i = 0; i < count; i++) {
        writeOne(json, written++);
      }
    }
    return written;
  }

  private void writeOne(JsonGenerator json, long n) throws IOException {
    // Squaring a uniform draw favours low numbers: a few authors write many comments.
    double draw = random.nextDouble();
    int author = (int) (draw * draw * authors);
    json.writeStartObject();
    json.writeStringField("id", idPrefix + n);
    json.writeStringField("text", texts.next());
    json.writeObjectFieldStart("author");
    json.writeStringField("id", "u" + author);
    json.writeStringField("handle", "member" + author);
    json.writeStringField("name", "Member " + author);
    json.writeEndObject();
    json.writeStringField("created_at", start.plus(step.multipliedBy(n)).toString());
    json.writeStringField("url", "https://replay.example/c/" + idPrefix + n);
    json.writeEndObject();
    json.writeRaw('\n');
  }
}
