package uk.nhs.triage.adapters.youtube;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * YouTube's {@code textDisplay} as the plain text a person typed: line breaks kept, entities
 * decoded, links reduced to their text, every other tag dropped.
 */
final class HtmlText {
  private static final Set<String> BLOCKS = Set.of("p", "div", "li");

  private HtmlText() {}

  static String toPlain(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              text.append(t.getWholeText());
            } else if (node instanceof Element e && e.nameIs("br")) {
              text.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e
                && BLOCKS.contains(e.normalName())
                && !text.isEmpty()
                && text.charAt(text.length() - 1) != '\n') {
              text.append('\n');
            }
          }
        },
        body);
    return text.toString().replace('\u00a0', ' ').strip();
  }
}
