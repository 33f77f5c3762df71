package uk.nhs.triage.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {
  @Test
  void whiteSpaceAndCompositionDoNotMatterButWordsDo() {
    assertThat(ReplyText.same("Sorry to hear this.", " Sorry  to\nhear\u00a0this.\t")).isTrue();
    assertThat(ReplyText.same("Caf\u00e9 closed", "Cafe\u0301 closed")).isTrue();
    assertThat(ReplyText.same("Sorry to hear this.", "Sorry to hear this!")).isFalse();
    assertThat(ReplyText.same("Sorry", "sorry")).isFalse();
    assertThat(ReplyText.same("Sorry", null)).isFalse();
  }
}
