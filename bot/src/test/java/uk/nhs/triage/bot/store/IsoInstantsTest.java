package uk.nhs.triage.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  @Test
  void writesWhatInstantToStringWrites() {
    List<Instant> instants = new ArrayList<>();
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999999Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999Z",
          "2026-12-07T18:30:00.100Z",
          "2026-12-07T18:30:00.000100Z",
          "2026-12-07T18:30:00.000000100Z",
          "2024-02-29T12:00:00.5Z",
          "2026-03-29T01:00:00Z"
        }) {
      instants.add(Instant.parse(text));
    }
    instants.add(Instant.MIN);
    instants.add(Instant.MAX);
    instants.add(Instant.parse("0000-01-01T00:00:00Z").minusNanos(1));
    instants.add(Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1));
    SplittableRandom random = new SplittableRandom(20261207);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-62_200_000_000L, 253_500_000_000L);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      instants.add(Instant.ofEpochSecond(second, nano));
    }
    for (Instant instant : instants) {
      assertEquals(instant.toString(), IsoInstants.text(instant), () -> "epoch second " + instant);
    }
  }
}
