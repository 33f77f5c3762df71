package uk.nhs.triage.adapters.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatermarkTest {
  private static final Instant T = Instant.parse("2026-11-23T10:30:00Z");

  @Test
  void anItemAtTheSameTimeIsNewOnlyIfItsIdWasNotRead() {
    Watermark mark = Watermark.NONE.advance(T, "a");

    assertThat(mark.isNew(T, "a")).isFalse();
    assertThat(mark.isNew(T, "b")).isTrue();
    assertThat(mark.isNew(T.minusMillis(1), "c")).isFalse();
    assertThat(mark.isNew(T.plusMillis(1), "a")).isTrue();
  }

  @Test
  void keepsOnlyTheIdsAtTheNewestTime() {
    Watermark mark =
        Watermark.NONE.advance(T.minusSeconds(5), "old").advance(T, "a").advance(T, "b");

    assertThat(mark.at()).isEqualTo(T);
    assertThat(mark.idsAt()).containsExactlyInAnyOrder("a", "b");
    assertThat(mark.advance(T.minusSeconds(1), "late")).isEqualTo(mark);
  }

  @Test
  void survivesTheRoundTripThroughTheCursor() {
    Watermark mark =
        Watermark.NONE.advance(T, "at://did:plc:x/app.bsky.feed.post/1").advance(T, "b|,");

    assertThat(Watermark.parse(mark.toCursor())).isEqualTo(mark);
    assertThat(Watermark.parse(null)).isEqualTo(Watermark.NONE);
    assertThat(Watermark.NONE.toCursor()).isNull();
  }

  @Test
  void aCursorThatIsNotAWatermarkSaysSo() {
    assertThatThrownBy(() -> Watermark.parse("1861000000000000005"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"at\"");
    assertThatThrownBy(() -> Watermark.parse("{\"at\":\"yesterday\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a watermark");
  }
}
