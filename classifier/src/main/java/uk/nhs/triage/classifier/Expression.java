package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** A compiled rule expression, evaluated against one analysed comment. */
sealed interface Expression {
  /** Most matches one expression reports; bounds the work a huge comment can cause. */
  int MAX_SPANS = 1000;

  /** Sorts matches by first position, skipping the sort when they already are. */
  static void sortByStart(List<Span> spans) {
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i).start() < spans.get(i - 1).start()) {
        spans.sort(Comparator.comparingInt(Span::start));
        return;
      }
    }
  }

  List<Span> spans(CommentTokens tokens);

  /**
   * What the comment must contain for the expression to match, as groups of which each must be met;
   * a group is a list of alternatives, each {@code {term, option}}: the term must occur or, when
   * {@code option} is not -1, that alternation option must be marked instead ({@link
   * CommentTokens#markOptions}: all its words occur). Used to index rules, so only rules whose
   * every group is met are evaluated.
   */
  void groups(List<int[][]> out);

  /** The expression as the equivalent Lucene query would be written, for display. */
  String lucene();

  /**
   * One word or a phrase: consecutive slots, each an exact term or a wildcard prefix id. The anchor
   * is the slot looked up first and indexed: the longest word, as long words are rare.
   */
  record Words(int[] slots, String[] display, int anchor) implements Expression {
    Words(int[] slots, String[] display) {
      this(slots, display, longest(display));
    }

    /**
     * The longest word that is not a common English function word ("the sun" anchors on sun): the
     * anchor decides how often the rule is looked at, never what it matches.
     */
    private static int longest(String[] display) {
      int best = 0;
      for (int i = 1; i < display.length; i++) {
        if (rank(display[i]) > rank(display[best])) {
          best = i;
        }
      }
      return best;
    }

    private static int rank(String word) {
      boolean common = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
      return word.length() + (common ? 0 : 1000);
    }

    @Override
    public List<Span> spans(CommentTokens tokens) {
      int count = tokens.occurrenceCount(slots[anchor]);
      if (count == 0) {
        return List.of();
      }
      int[] found = tokens.occurrences(slots[anchor]);
      List<Span> out = null;
      for (int i = 0; i < count; i++) {
        int start = found[i] - anchor;
        if (start < 0) {
          continue;
        }
        boolean all = true;
        for (int s = 0; s < slots.length && all; s++) {
          all = s == anchor || tokens.has(slots[s], start + s);
        }
        if (all) {
          if (out == null) {
            out = new ArrayList<>(2);
          }
          out.add(Span.of(start, start + slots.length - 1));
          if (out.size() >= MAX_SPANS) {
            break;
          }
        }
      }
      return out == null ? List.of() : out;
    }

    @Override
    public void groups(List<int[][]> out) {
      Set<Integer> seen = new LinkedHashSet<>();
      seen.add(slots[anchor]);
      for (int slot : slots) {
        seen.add(slot);
      }
      for (int slot : seen) {
        out.add(new int[][] {{slot, -1}});
      }
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

  /**
   * Any of the alternatives. {@code base} is where the options' bits start in the comment's option
   * marks ({@link Alternatives}); {@code always} marks the options that have no anchor word (a
   * bracketed group), which are always tried.
   */
  record AnyOf(List<Expression> options, int base, long[] always) implements Expression {
    AnyOf(List<Expression> options, int base) {
      this(options, base, always(options));
    }

    private static long[] always(List<Expression> options) {
      long[] out = new long[(options.size() + 63) / 64];
      for (int i = 0; i < options.size(); i++) {
        if (!(options.get(i) instanceof Words)) {
          out[i >>> 6] |= 1L << i;
        }
      }
      return out;
    }

    @Override
    public List<Span> spans(CommentTokens tokens) {
      List<Span> only = null;
      List<Span> out = null;
      for (int w = 0; w < always.length; w++) {
        // options in their written order, so the matches come out as before in the same order
        long marked = tokens.options(base + w) | always[w];
        while (marked != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(marked);
          marked &= marked - 1;
          List<Span> found = options.get(i).spans(tokens);
          if (found.isEmpty()) {
            continue;
          }
          if (only == null) {
            only = found;
          } else {
            if (out == null) {
              out = new ArrayList<>(only);
            }
            out.addAll(found);
          }
        }
      }
      if (out == null) {
        return only == null ? List.of() : only;
      }
      sortByStart(out);
      return out.size() > MAX_SPANS ? out.subList(0, MAX_SPANS) : out;
    }

    /**
     * One group: a word or phrase option needs its anchor and its option mark (all its words), any
     * other option what its own first group needs.
     */
    @Override
    public void groups(List<int[][]> out) {
      List<int[]> any = new ArrayList<>();
      for (int i = 0; i < options.size(); i++) {
        Expression option = options.get(i);
        if (option instanceof Words w) {
          any.add(new int[] {w.slots()[w.anchor()], (base << 6) + i});
        } else {
          List<int[][]> own = new ArrayList<>();
          option.groups(own);
          any.addAll(List.of(own.get(0)));
        }
      }
      out.add(any.toArray(new int[0][]));
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
      if (rights.isEmpty()) {
        return List.of();
      }
      List<Span> out = null;
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
            if (out == null) {
              out = new ArrayList<>(2);
            }
            out.add(a.join(b));
            if (out.size() >= MAX_SPANS) {
              break;
            }
          }
        }
      }
      if (out == null) {
        return List.of();
      }
      sortByStart(out);
      return out;
    }

    @Override
    public void groups(List<int[][]> out) {
      left.groups(out);
      right.groups(out);
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
    public void groups(List<int[][]> out) {
      parts.forEach(p -> p.groups(out));
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
