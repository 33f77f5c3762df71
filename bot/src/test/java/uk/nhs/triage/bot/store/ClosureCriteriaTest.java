package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.adapters.AccountStats;

/** The three closure criteria of 002 §10.1, at their edges, and unknown figures never count. */
class ClosureCriteriaTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static AccountStats stats(Integer followers, Integer posts, Instant lastPost) {
    return new AccountStats(followers, posts, lastPost, null);
  }

  @Test
  void inactiveWhenNoOriginalPostInAMonth() {
    assertThat(ClosureCriteria.inactive(stats(500, 3, NOW.minus(Duration.ofDays(29))), NOW))
        .isFalse();
    assertThat(ClosureCriteria.inactive(stats(500, 0, NOW.minus(Duration.ofDays(31))), NOW))
        .isTrue();
    assertThat(ClosureCriteria.inactive(stats(500, 0, null), NOW)).as("never posted").isTrue();
    assertThat(ClosureCriteria.inactive(stats(500, null, null), NOW)).as("unknown").isFalse();
  }

  @Test
  void lowFrequencyUnderOnePostAWeekOverEightWeeks() {
    assertThat(ClosureCriteria.lowFrequency(stats(500, 8, NOW))).isFalse();
    assertThat(ClosureCriteria.lowFrequency(stats(500, 7, NOW))).isTrue();
    assertThat(ClosureCriteria.lowFrequency(stats(500, null, null))).isFalse();
  }

  @Test
  void lowInterestUnderAHundredFollowersOnlyAfterSixMonths() {
    Instant sevenMonthsAgo = NOW.minus(Duration.ofDays(213));
    Instant twoMonthsAgo = NOW.minus(Duration.ofDays(60));
    assertThat(ClosureCriteria.lowInterest(stats(99, 10, NOW), sevenMonthsAgo, NOW)).isTrue();
    assertThat(ClosureCriteria.lowInterest(stats(100, 10, NOW), sevenMonthsAgo, NOW)).isFalse();
    assertThat(ClosureCriteria.lowInterest(stats(12, 10, NOW), twoMonthsAgo, NOW)).isFalse();
    assertThat(ClosureCriteria.lowInterest(stats(null, 10, NOW), sevenMonthsAgo, NOW)).isFalse();
  }
}
