package uk.nhs.triage.bot.evaluate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.nhs.triage.classifier.Label;

/**
 * The least quality each label must reach, from a YAML file such as {@code config/eval/floors.yml}:
 * {@code patient_safety: {recall: 0.95, precision: 0.85}}.
 */
public final class Floors {
  /** A quality figure a floor can be set on. */
  public enum Metric {
    PRECISION,
    RECALL,
    F1;

    double of(Scorecard.LabelFigures figures) {
      return switch (this) {
        case PRECISION -> figures.precision();
        case RECALL -> figures.recall();
        case F1 -> figures.f1();
      };
    }
  }

  private final Map<Label, Map<Metric, Double>> floors;

  public Floors(Map<Label, Map<Metric, Double>> floors) {
    this.floors = floors;
  }

  public static Floors none() {
    return new Floors(Map.of());
  }

  /** True when there is no floor to meet (evaluate --floors none). */
  public boolean isEmpty() {
    return floors.isEmpty();
  }

  public static Floors load(Path file) throws IOException {
    Map<String, Map<String, Double>> raw;
    try {
      raw =
          new ObjectMapper(new YAMLFactory())
              .readValue(file.toFile(), new TypeReference<Map<String, Map<String, Double>>>() {});
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    Map<Label, Map<Metric, Double>> floors = new EnumMap<>(Label.class);
    if (raw == null) {
      return new Floors(floors);
    }
    for (var entry : raw.entrySet()) {
      Label label;
      try {
        label = Label.fromWireName(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage());
      }
      Map<Metric, Double> metrics = new LinkedHashMap<>();
      for (var metric : entry.getValue().entrySet()) {
        try {
          metrics.put(Metric.valueOf(metric.getKey().toUpperCase(Locale.ROOT)), metric.getValue());
        } catch (IllegalArgumentException e) {
          throw new IOException(
              file
                  + ": "
                  + entry.getKey()
                  + "."
                  + metric.getKey()
                  + ": unknown figure (use precision, recall or f1)");
        }
      }
      floors.put(label, metrics);
    }
    return new Floors(floors);
  }

  /** One line per floor the scorecard does not reach. */
  public List<String> unmet(Scorecard scorecard) {
    List<String> unmet = new ArrayList<>();
    floors.forEach(
        (label, metrics) ->
            metrics.forEach(
                (metric, floor) -> {
                  double value = metric.of(scorecard.figures(label));
                  if (value < floor) {
                    unmet.add(
                        String.format(
                            Locale.ROOT,
                            "%s %s %.3f is below the floor %.2f",
                            label.wireName(),
                            metric.name().toLowerCase(Locale.ROOT),
                            value,
                            floor));
                  }
                }));
    return unmet;
  }
}
