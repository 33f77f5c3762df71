package uk.nhs.triage.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.adapters.AccountSettings;

class GraphOptionsTest {
  private static AccountSettings with(Map<String, String> options) {
    return new AccountSettings(
        "fb-main", "facebook", "1", null, Map.of(), options, Duration.ofSeconds(5));
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    assertThat(GraphOptions.of(with(Map.of())))
        .isEqualTo(
            new GraphOptions(
                Duration.ofDays(28), Duration.ofSeconds(300), 100, Duration.ofMinutes(15)));
  }

  @Test
  void aBadValueNamesTheAccountAndKey() {
    assertThatThrownBy(() -> GraphOptions.of(with(Map.of("page_size", "500"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fb-main")
        .hasMessageContaining("page_size")
        .hasMessageContaining("'500'");
  }
}
