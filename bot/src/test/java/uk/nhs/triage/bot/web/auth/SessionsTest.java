package uk.nhs.triage.bot.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.bot.store.TestDatabase;

/** Sessions remembered between page views still end when they should. */
class SessionsTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Duration RECHECK = Duration.ofSeconds(2);

  private final AtomicLong nanos = new AtomicLong();
  private Sessions sessions;

  @BeforeEach
  void users() {
    Users users = new Users(DB.jdbi());
    users.put("sam", Role.COMMS, "correct horse battery staple".toCharArray());
    users.put("pat", Role.PALS, "correct horse battery staple".toCharArray());
    DB.jdbi().useHandle(h -> h.execute("UPDATE web_user SET disabled = false"));
    sessions = new Sessions(DB.jdbi(), Duration.ofHours(1), RECHECK, nanos::get);
  }

  @Test
  void signingOutEndsTheSessionAtOnceForEveryCopyOfTheCookie() {
    String token = sessions.open(new User("sam", Role.COMMS));
    assertThat(sessions.find(token)).isPresent();

    sessions.close(token);

    assertThat(sessions.find(token)).isEmpty();
  }

  @Test
  void aRoleChangedThroughTheAppCountsFromTheNextPage() {
    String token = sessions.open(new User("pat", Role.PALS));
    assertThat(sessions.find(token).orElseThrow().user().role()).isEqualTo(Role.PALS);

    new Users(DB.jdbi()).put("pat", Role.QUALITY, "correct horse battery staple".toCharArray());
    sessions.forget("pat");

    assertThat(sessions.find(token).orElseThrow().user().role()).isEqualTo(Role.QUALITY);
  }

  @Test
  void aChangeMadeElsewhereCountsWithinTheRecheckPeriod() {
    String token = sessions.open(new User("sam", Role.COMMS));
    assertThat(sessions.find(token)).isPresent();

    DB.jdbi()
        .useHandle(h -> h.execute("UPDATE web_user SET disabled = true WHERE username = 'sam'"));
    nanos.addAndGet(RECHECK.toNanos());

    assertThat(sessions.find(token)).isEmpty();
  }

  @Test
  void aSessionDeletedElsewhereEndsWithinTheRecheckPeriod() {
    String token = sessions.open(new User("sam", Role.COMMS));
    assertThat(sessions.find(token)).isPresent();

    // Another instance signed the user out.
    new Sessions(DB.jdbi(), Duration.ofHours(1)).close(token);
    nanos.addAndGet(RECHECK.toNanos());

    assertThat(sessions.find(token)).isEmpty();
  }

  @Test
  void anExpiredSessionIsRefusedEvenWhenJustChecked() {
    Sessions shortLived = new Sessions(DB.jdbi(), Duration.ofSeconds(1), RECHECK, nanos::get);
    String token = shortLived.open(new User("sam", Role.COMMS));
    assertThat(shortLived.find(token)).isPresent();

    DB.jdbi()
        .useHandle(
            h -> h.execute("UPDATE web_session SET expires_at = now() - interval '1 second'"));
    try {
      Thread.sleep(1_100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }

    assertThat(shortLived.find(token)).isEmpty();
  }

  @Test
  void anUnknownTokenIsRefused() {
    assertThat(sessions.find("not-a-session")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }
}
