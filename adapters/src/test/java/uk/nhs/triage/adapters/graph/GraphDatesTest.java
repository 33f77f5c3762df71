package uk.nhs.triage.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GraphDatesTest {
  @Test
  void readsTheOffsetWithoutAColon() {
    assertThat(GraphDates.parseOrNull("2024-05-14T09:41:02+0000"))
        .isEqualTo(Instant.parse("2024-05-14T09:41:02Z"));
    assertThat(GraphDates.parseOrNull("2024-05-14T10:41:02+0100"))
        .isEqualTo(Instant.parse("2024-05-14T09:41:02Z"));
  }

  @Test
  void somethingElseIsNull() {
    assertThat(GraphDates.parseOrNull("1715679662")).isNull();
    assertThat(GraphDates.parseOrNull(null)).isNull();
  }
}
