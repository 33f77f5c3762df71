package uk.nhs.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The queue rows are escaped by hand ({@link Html#escape}) rather than by the template engine every
 * other page uses; on texts built from the characters that matter in HTML, and from any others, the
 * hand escaping gives exactly what Thymeleaf gives for element text and for a quoted attribute.
 */
class HtmlMatchesThymeleafTest {
  private static final String ALPHABET =
      "&<>\"'`=/\\;#x0123 \t\n\r\u0000\u00a0é—\u2028\u200d😀👏🏽\uD83D\uDE00aZ{}[]()%$!?";

  private final TemplateEngine engine = thymeleaf();

  private static TemplateEngine thymeleaf() {
    StringTemplateResolver resolver = new StringTemplateResolver();
    resolver.setTemplateMode(TemplateMode.HTML);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  private String thymeleaf(String template, String value) {
    Context context = new Context();
    context.setVariable("value", value);
    return engine.process(template, context);
  }

  @Test
  void elementTextAndAttributeValuesAreEscapedAsThymeleafEscapesThem() {
    Random random = new Random(20261207);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        int at = random.nextInt(ALPHABET.length());
        if (Character.isHighSurrogate(ALPHABET.charAt(at)) && at + 1 < ALPHABET.length()) {
          text.append(ALPHABET, at, at + 2);
        } else if (!Character.isLowSurrogate(ALPHABET.charAt(at))) {
          text.append(ALPHABET.charAt(at));
        }
      }
      String value = text.toString();

      assertThat("<b>" + Html.escape(value) + "</b>")
          .as("element text of %s", value)
          .isEqualTo(thymeleaf("<b th:text=\"${value}\"></b>", value));
      if (!value.isEmpty()) { // Thymeleaf leaves an empty attribute out
        assertThat("<b title=\"" + Html.escape(value) + "\"></b>")
            .as("attribute value of %s", value)
            .isEqualTo(thymeleaf("<b th:title=\"${value}\"></b>", value));
      }
    }
  }
}
