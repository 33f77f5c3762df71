package uk.nhs.triage.bot.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    String stored = PasswordHasher.hash("correct horse battery".toCharArray());
    assertThat(stored).startsWith("pbkdf2-sha256$210000$");
    assertThat(PasswordHasher.matches("correct horse battery".toCharArray(), stored)).isTrue();
    assertThat(PasswordHasher.matches("correct horse batterY".toCharArray(), stored)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(PasswordHasher.hash("same password".toCharArray()))
        .isNotEqualTo(PasswordHasher.hash("same password".toCharArray()));
  }

  @Test
  void anUnreadableStoredHashNeverMatches() {
    assertThat(PasswordHasher.matches("x".toCharArray(), "md5$abc")).isFalse();
    assertThat(PasswordHasher.matches("x".toCharArray(), null)).isFalse();
  }
}
