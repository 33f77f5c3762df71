package uk.nhs.triage.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;

class WatermarkTest {
  private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
  private static final Duration OVERLAP = Duration.ofMinutes(5);

  private static Comment at(String id, String time) {
    return new Comment(
        "facebook", id, "fb-main", Author.UNKNOWN, "", Instant.parse(time), null, null, "{}");
  }

  @Test
  void theFirstPollTakesEverythingFromTheLookBackWindow() throws Exception {
    Watermark first = Watermark.parse(null, "fb-main", START, OVERLAP);

    assertThat(first.isNew("a", START)).isTrue();
    assertThat(first.isNew("a", START.minusSeconds(1))).isFalse();
    assertThat(first.advance(List.of())).isNull();
  }

  @Test
  void aCommentInTheSameSecondAsTheWatermarkIsNewUnlessSeen() throws Exception {
    String cursor =
        Watermark.parse(null, "fb-main", START, OVERLAP)
            .advance(List.of(at("a", "2024-06-02T10:00:00Z"), at("b", "2024-06-02T10:07:00Z")));
    Watermark next = Watermark.parse(cursor, "fb-main", START, OVERLAP);

    assertThat(next.isNew("b", Instant.parse("2024-06-02T10:07:00Z"))).isFalse();
    assertThat(next.isNew("c", Instant.parse("2024-06-02T10:07:00Z"))).isTrue();
    assertThat(next.isNew("d", Instant.parse("2024-06-02T10:03:00Z"))).isTrue();
    assertThat(next.isBehind(Instant.parse("2024-06-02T10:01:59Z"))).isTrue();
  }

  @Test
  void onlyIdsInsideTheOverlapAreKept() throws Exception {
    String cursor =
        Watermark.parse(null, "fb-main", START, OVERLAP)
            .advance(List.of(at("old", "2024-06-02T10:00:00Z"), at("b", "2024-06-02T10:07:00Z")));

    assertThat(cursor)
        .isEqualTo(
            "{\"newest\":\"2024-06-02T10:07:00Z\",\"seen\":{\"b\":\"2024-06-02T10:07:00Z\"}}");
  }
}
