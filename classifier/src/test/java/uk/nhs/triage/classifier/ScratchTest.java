package uk.nhs.triage.classifier;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void show() throws Exception {
    Classifier c = Classifier.load(Path.of("..", "config", "rules"));
    for (String t : Files.readAllLines(Path.of("/tmp/scratch.txt"))) {
      if (t.isBlank()) continue;
      Classification r = c.classify(t);
      StringBuilder b = new StringBuilder("\n>> " + t + "\n   FIRED " + r.labels() + " REVIEW " + r.forReview());
      r.scores().forEach((l, s) -> {
        b.append("\n   ").append(l).append(" ").append(s.score());
        s.evidence().forEach(e -> b.append("\n      ").append(e.weight()).append(" ").append(e.rule()).append(" ").append(e.matched()));
      });
      System.out.println(b);
    }
  }
}
