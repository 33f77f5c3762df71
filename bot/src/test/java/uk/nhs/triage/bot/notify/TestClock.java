package uk.nhs.triage.bot.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves, in UK time. */
final class TestClock extends Clock {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private Instant now;

  TestClock(LocalDateTime london) {
    set(london);
  }

  void set(LocalDateTime london) {
    now = london.atZone(LONDON).toInstant();
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the tests keep UTC");
  }
}
