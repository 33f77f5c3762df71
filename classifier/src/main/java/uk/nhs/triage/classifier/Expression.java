package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/** A compiled rule expression, evaluated against one analysed comment. */
sealed interface Expression {
  /** Most matches one expression reports; bounds the work a huge comment can cause. */
  int MAX_SPANS = 1000;

  List<Span> spans(CommentTokens tokens);

  /** Every term id the expression can match through; used to index rules by term. */
  void terms(IntConsumer sink);

  /** The expression as the equivalent Lucene query would be written, for display. */
  String lucene();

  /** One word or a phrase: consecutive slots, each an exact term or a wildcard prefix id. */
  record Words(int[] slots, String[] display) implements Expression {
    @Override
    public List<Span> spans(CommentTokens tokens) {
      int[] first = tokens.occurrences(slots[0]);
      int count = tokens.occurrenceCount(slots[0]);
      List<Span> out = new ArrayList<>(Math.min(count, 4));
      for (int i = 0; i < count && out.size() < MAX_SPANS; i++) {
        int p = first[i];
        boolean all = true;
        for (int s = 1; s < slots.length && all; s++) {
          all = tokens.has(slots[s], p + s);
        }
        if (all) {
          out.add(Span.of(p, p + slots.length - 1));
        }
      }
      return out;
    }

    @Override
    public void terms(IntConsumer sink) {
      sink.accept(slots[0]);
    }

    @Override
    public String lucene() {
      if (display.length == 1) {
        return display[0].endsWith("*")
            ? "WildcardQuery(" + display[0] + ")"
            : "TermQuery(" + display[0] + ")";
      }
      return "PhraseQuery(\"" + String.join(" ", display) + "\")";
    }
  }

  /** Any of the alternatives. */
  record AnyOf(List<Expression> options) implements Expression {
    @Override
    public List<Span> spans(CommentTokens tokens) {
      List<Span> out = new ArrayList<>();
      for (Expression option : options) {
        out.addAll(option.spans(tokens));
      }
      if (out.size() > 1) {
        out.sort(Comparator.comparingInt(Span::start));
      }
      return out.size() > MAX_SPANS ? out.subList(0, MAX_SPANS) : out;
    }

    @Override
    public void terms(IntConsumer sink) {
      options.forEach(o -> o.terms(sink));
    }

    @Override
    public String lucene() {
      StringBuilder b = new StringBuilder("BooleanQuery(");
      for (int i = 0; i < options.size(); i++) {
        b.append(i == 0 ? "SHOULD " : ", SHOULD ").append(options.get(i).lucene());
      }
      return b.append(')').toString();
    }
  }

  /**
   * Both sides within {@code gap} words of each other (at most {@code gap} words between them);
   * when {@code ordered}, the left side comes first.
   */
  record Near(Expression left, Expression right, int gap, boolean ordered) implements Expression {
    @Override
    public List<Span> spans(CommentTokens tokens) {
      List<Span> lefts = left.spans(tokens);
      if (lefts.isEmpty()) {
        return List.of();
      }
      List<Span> rights = right.spans(tokens);
      List<Span> out = new ArrayList<>();
      for (Span a : lefts) {
        for (Span b : rights) {
          if (b.start() > a.end() + gap + 1) {
            break;
          }
          boolean close;
          if (b.start() > a.end()) {
            close = b.start() - a.end() - 1 <= gap;
          } else if (a.start() > b.end()) {
            close = !ordered && a.start() - b.end() - 1 <= gap;
          } else {
            close = false;
          }
          if (close) {
            out.add(a.join(b));
            if (out.size() >= MAX_SPANS) {
              break;
            }
          }
        }
      }
      if (out.size() > 1) {
        out.sort(Comparator.comparingInt(Span::start));
      }
      return out;
    }

    @Override
    public void terms(IntConsumer sink) {
      left.terms(sink);
    }

    @Override
    public String lucene() {
      return "SpanNearQuery(["
          + left.lucene()
          + ", "
          + right.lucene()
          + "], slop="
          + gap
          + ", inOrder="
          + ordered
          + ")";
    }
  }

  /** Every part somewhere in the comment. */
  record AllOf(List<Expression> parts) implements Expression {
    @Override
    public List<Span> spans(CommentTokens tokens) {
      Span joined = null;
      for (Expression part : parts) {
        List<Span> found = part.spans(tokens);
        if (found.isEmpty()) {
          return List.of();
        }
        joined = joined == null ? found.get(0) : joined.join(found.get(0));
      }
      return joined == null ? List.of() : List.of(joined);
    }

    @Override
    public void terms(IntConsumer sink) {
      parts.get(0).terms(sink);
    }

    @Override
    public String lucene() {
      StringBuilder b = new StringBuilder("BooleanQuery(");
      for (int i = 0; i < parts.size(); i++) {
        b.append(i == 0 ? "MUST " : ", MUST ").append(parts.get(i).lucene());
      }
      return b.append(')').toString();
    }
  }
}
