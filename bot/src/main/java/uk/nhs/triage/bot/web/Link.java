package uk.nhs.triage.bot.web;

/** A link as a page prints it; a JavaBean so templates read it without OGNL method calls. */
public final class Link {
  private final String href;
  private final String text;

  public Link(String href, String text) {
    this.href = href;
    this.text = text;
  }

  public String getHref() {
    return href;
  }

  public String getText() {
    return text;
  }
}
