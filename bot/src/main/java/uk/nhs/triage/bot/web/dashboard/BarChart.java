package uk.nhs.triage.bot.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out on the server, for the page to draw as SVG: no script, and every
 * label goes into the page as escaped text.
 */
public record BarChart(String title, int width, int height, List<Bar> bars) {
  private static final int ROW = 26;
  private static final int LABEL_WIDTH = 150;
  private static final int CHART_WIDTH = 560;

  /** One bar: its label and value, and where it is drawn. */
  public record Bar(String label, long value, int y, int barWidth, int textY, int valueX) {}

  public static BarChart of(String title, Map<String, Long> values) {
    long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
    int barArea = CHART_WIDTH - LABEL_WIDTH - 50;
    List<Bar> bars = new ArrayList<>();
    int row = 0;
    for (Map.Entry<String, Long> entry : values.entrySet()) {
      int y = 10 + row * ROW;
      int width = max == 0 ? 0 : (int) Math.round(barArea * (double) entry.getValue() / max);
      bars.add(
          new Bar(
              entry.getKey(),
              entry.getValue(),
              y,
              Math.max(width, 1),
              y + 15,
              LABEL_WIDTH + width + 6));
      row++;
    }
    return new BarChart(title, CHART_WIDTH, 20 + row * ROW, bars);
  }

  public int labelWidth() {
    return LABEL_WIDTH;
  }
}
