package uk.nhs.triage.bot.web;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One option of a drop-down: the value sent, the text shown, whether it is the current one. A
 * JavaBean so templates read it without OGNL method calls (see {@code QueueLine}).
 */
public final class Choice {
  private final String value;
  private final String text;
  private final boolean selected;

  public Choice(String value, String text, boolean selected) {
    this.value = value;
    this.text = text;
    this.selected = selected;
  }

  /** The values as options, showing each as {@code shown} gives it, the current one selected. */
  public static List<Choice> of(
      List<String> values, Function<String, String> shown, String current) {
    return values.stream()
        .map(v -> new Choice(v, shown.apply(v), Objects.equals(v, current)))
        .toList();
  }

  public String getValue() {
    return value;
  }

  public String getText() {
    return text;
  }

  public boolean isSelected() {
    return selected;
  }
}
