package uk.nhs.triage.bot.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.nhs.triage.adapters.replay.ReplayLineException;
import uk.nhs.triage.adapters.replay.ReplayLineParser;
import uk.nhs.triage.classifier.Label;

/**
 * A labelled corpus: JSON lines in the classify input shape plus {@code "labels": [...]}, in time
 * order (see config/eval/LABELLING.md).
 */
public final class GoldCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldCorpus() {}

  /** Reads every line; any line that is not a labelled comment stops the read with its number. */
  public static List<GoldComment> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    ReplayLineParser parser = new ReplayLineParser("gold");
    List<GoldComment> gold = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = file.getFileName() + " line " + (i + 1);
      try {
        gold.add(new GoldComment(parser.parse(line), labels(JSON.readTree(line), where)));
      } catch (ReplayLineException e) {
        throw new IOException(where + ": " + e.getMessage(), e);
      }
    }
    return gold;
  }

  /** Just the comment texts of a corpus: what the benchmarks build their comments from. */
  public static List<String> texts(Path file) throws IOException {
    return read(file).stream().map(gold -> gold.comment().text()).toList();
  }

  private static Set<Label> labels(JsonNode node, String where) throws IOException {
    JsonNode labels = node.get("labels");
    if (labels == null || !labels.isArray()) {
      throw new IOException(where + ": \"labels\" must be an array of label names");
    }
    Set<Label> result = EnumSet.noneOf(Label.class);
    for (JsonNode label : labels) {
      try {
        result.add(Label.fromWireName(label.asText()));
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": " + e.getMessage(), e);
      }
    }
    return result;
  }
}
