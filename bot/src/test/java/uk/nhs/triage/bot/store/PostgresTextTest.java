package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresTextTest {

  @Test
  void nulBecomesTheReplacementCharacterAndOtherTextIsUntouched() {
    assertThat(PostgresText.clean("a\0b\0")).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(PostgresText.clean("plain")).isEqualTo("plain");
    assertThat(PostgresText.clean(null)).isNull();
  }

  @Test
  void inJsonOnlyTheNulEscapeIsReplacedNotAnEscapedBackslashFollowedByU0000() {
    assertThat(PostgresText.cleanJson("{\"t\":\"a\\u0000b\"}")).isEqualTo("{\"t\":\"a\\uFFFDb\"}");
    assertThat(PostgresText.cleanJson("{\"t\":\"a\\\\u0000b\"}"))
        .isEqualTo("{\"t\":\"a\\\\u0000b\"}");
    assertThat(PostgresText.cleanJson("{\"t\":\"a\\\\\\u0000b\"}"))
        .isEqualTo("{\"t\":\"a\\\\\\uFFFDb\"}");
  }
}
