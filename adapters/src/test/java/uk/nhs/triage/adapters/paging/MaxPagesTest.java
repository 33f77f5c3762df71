package uk.nhs.triage.adapters.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaxPagesTest {
  @Test
  void readsTheOptionOrTheDefault() {
    assertThat(MaxPages.parse("x account x-main", null)).isEqualTo(10);
    assertThat(MaxPages.parse("x account x-main", " 3 ")).isEqualTo(3);
  }

  @Test
  void aBadValueNamesTheAccountTheOptionAndTheValue() {
    for (String bad : new String[] {"0", "-1", "ten", ""}) {
      assertThatThrownBy(() -> MaxPages.parse("bluesky account bs-main", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "bluesky account bs-main: option max_pages must be a whole number ≥ 1, was " + bad);
    }
  }

  @Test
  void sayingWhereAPollStoppedNamesTheOption() {
    assertThat(MaxPages.stoppedAfter("yt-main", 10, "new comments"))
        .isEqualTo(
            "account yt-main: stopped after 10 pages (option max_pages); older new comments were"
                + " not read");
  }
}
