package uk.nhs.triage.bot.web;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf templates from {@code web/templates/} in the jar. Pages print user content with {@code
 * th:text} only, which escapes it; {@code th:utext} is never used.
 */
public final class Templates {
  private final TemplateEngine engine = new TemplateEngine();

  public Templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("web/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  public String render(String template, Map<String, Object> model) {
    return engine.process(template, new Context(Locale.UK, model));
  }
}
