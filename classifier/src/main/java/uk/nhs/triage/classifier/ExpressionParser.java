package uk.nhs.triage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Compiles the expression part of a rule line. Grammar, loosest first:
 *
 * <pre>
 * all   := near ( ('&amp;' | AND) near )*
 * near  := any ( (NEAR/n | THEN/n) any )*
 * any   := atom ( ('|' | OR) atom )*
 * atom  := word | word* | "a phrase" | ( all )
 * </pre>
 *
 * Words go through the same analyzer as comments, so a rule's "drinks" matches "drinking".
 */
final class ExpressionParser {
  /** Raised with a message only; the caller adds file and line. */
  static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  private final Analyzer analyzer;
  private final TermDictionary dictionary;
  private final Alternatives alternatives = new Alternatives();
  private List<String> tokens;
  private int next;

  ExpressionParser(Analyzer analyzer, TermDictionary dictionary) {
    this.analyzer = analyzer;
    this.dictionary = dictionary;
  }

  /** Every alternation parsed so far, indexed by its options' anchor words. */
  Alternatives.Index alternatives() {
    return alternatives.index(dictionary.size());
  }

  /** Splits a rule line's text into lexical tokens: ( ) | "phrases" and words. */
  static List<String> lex(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '|') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"' || c == '“' || c == '”') {
        int end = i + 1;
        while (end < text.length() && "\"“”".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        if (end >= text.length()) {
          throw new Problem("a phrase starting at column " + (i + 1) + " has no closing quote");
        }
        out.add("\"" + text.substring(i + 1, end));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length()
            && !Character.isWhitespace(text.charAt(end))
            && "()|\"“”".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  Expression parse(List<String> lexed) {
    tokens = lexed;
    next = 0;
    if (tokens.isEmpty()) {
      throw new Problem("the rule has no words");
    }
    Expression e = all();
    if (next < tokens.size()) {
      String t = tokens.get(next);
      throw new Problem(
          t.equals(")")
              ? "a ')' without a matching '('"
              : "'"
                  + t
                  + "' follows another word without an operator; use quotes for a phrase,"
                  + " | for alternatives, NEAR/n, THEN/n or &");
    }
    return e;
  }

  private Expression all() {
    List<Expression> parts = new ArrayList<>();
    parts.add(near());
    while (peekIs("&") || peekIs("AND")) {
      next++;
      parts.add(near());
    }
    return parts.size() == 1 ? parts.get(0) : new Expression.AllOf(List.copyOf(parts));
  }

  private Expression near() {
    Expression left = any();
    while (next < tokens.size() && proximity(tokens.get(next)) != null) {
      String op = tokens.get(next++);
      int gap = proximity(op);
      left = new Expression.Near(left, any(), gap, op.startsWith("THEN"));
    }
    return left;
  }

  private static Integer proximity(String token) {
    if (!(token.startsWith("NEAR/") || token.startsWith("THEN/"))) {
      return null;
    }
    try {
      int gap = Integer.parseInt(token.substring(5));
      if (gap < 0 || gap > 50) {
        throw new Problem("'" + token + "': the distance must be 0 to 50 words");
      }
      return gap;
    } catch (NumberFormatException e) {
      throw new Problem("'" + token + "': write the distance in words, e.g. NEAR/5");
    }
  }

  private Expression any() {
    List<Expression> options = new ArrayList<>();
    options.add(atom());
    while (peekIs("|") || peekIs("OR")) {
      next++;
      options.add(atom());
    }
    if (options.size() == 1) {
      return options.get(0);
    }
    List<Expression> all = List.copyOf(options);
    return new Expression.AnyOf(all, alternatives.register(all));
  }

  private Expression atom() {
    if (next >= tokens.size()) {
      throw new Problem("the rule ends where a word, phrase or '(' was expected");
    }
    String t = tokens.get(next++);
    if (t.equals("(")) {
      Expression inner = all();
      if (!peekIs(")")) {
        throw new Problem("a '(' is not closed");
      }
      next++;
      return inner;
    }
    if (t.equals(")")
        || t.equals("|")
        || t.equals("&")
        || t.equals("AND")
        || t.equals("OR")
        || proximity(t) != null) {
      throw new Problem("'" + t + "' where a word, phrase or '(' was expected");
    }
    if (t.startsWith("\"")) {
      String phrase = t.substring(1).trim();
      if (phrase.isEmpty()) {
        throw new Problem("an empty phrase \"\"");
      }
      return words(phrase.split("\\s+"));
    }
    return words(new String[] {t});
  }

  private Expression words(String[] written) {
    List<Integer> slots = new ArrayList<>();
    List<String> display = new ArrayList<>();
    for (String word : written) {
      if (word.endsWith("*")) {
        String prefix = word.replaceAll("\\*+$", "");
        List<String[]> analysed = analyse(prefix);
        if (analysed.size() != 1) {
          throw new Problem(
              "wildcard '"
                  + word
                  + "' must be one word before the *"
                  + (prefix.isEmpty() ? "" : ", not " + analysed.size()));
        }
        slots.add(dictionary.prefixId(analysed.get(0)[0]));
        display.add(analysed.get(0)[0] + "*");
      } else {
        List<String[]> analysed = analyse(word);
        for (String[] w : analysed) {
          slots.add(dictionary.exactId(w[1]));
          display.add(w[1]);
        }
      }
    }
    if (slots.isEmpty()) {
      throw new Problem("'" + String.join(" ", written) + "' has no words a comment could contain");
    }
    return new Expression.Words(
        slots.stream().mapToInt(Integer::intValue).toArray(), display.toArray(new String[0]));
  }

  private boolean peekIs(String s) {
    return next < tokens.size() && tokens.get(next).equals(s);
  }

  /** Each word of {@code text} as [as written, normalised]. */
  List<String[]> analyse(String text) {
    List<String[]> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("rule", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      AsWrittenFilter asWritten = (AsWrittenFilter) stream;
      stream.reset();
      while (stream.incrementToken()) {
        out.add(
            new String[] {
              new String(asWritten.asWrittenBuffer(), 0, asWritten.asWrittenLength()),
              term.toString()
            });
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
