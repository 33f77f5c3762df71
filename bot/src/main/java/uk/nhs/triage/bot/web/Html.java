package uk.nhs.triage.bot.web;

/**
 * Escapes text for HTML element content and quoted attribute values, as Thymeleaf's {@code th:text}
 * does: the five characters that can end text or a value ({@code & < > " '}) become references.
 */
public final class Html {
  private Html() {}

  /** Appends the text escaped; null appends nothing. */
  public static StringBuilder escape(StringBuilder out, String text) {
    if (text == null) {
      return out;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out;
  }

  public static String escape(String text) {
    return escape(new StringBuilder(), text).toString();
  }
}
