package uk.nhs.triage.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.bot.store.TestDatabase;

class DatabaseCpuTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @Test
  void theEmbeddedServersCpuTimeIsReadAndOnlyGrows() {
    DatabaseCpu cpu = DatabaseCpu.of(DB.jdbi());
    assertThat(cpu).as("the embedded server runs on this machine").isNotNull();

    double before = cpu.seconds().orElseThrow();
    DB.jdbi().useHandle(h -> h.execute("SELECT count(*) FROM generate_series(1, 3000000) g(n)"));
    double after = cpu.seconds().orElseThrow();

    assertThat(before).isPositive();
    assertThat(after).isGreaterThan(before);
  }
}
