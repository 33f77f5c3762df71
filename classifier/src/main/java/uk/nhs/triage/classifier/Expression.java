package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** A compiled rule expression, evaluated against one analysed comment. */
sealed interface Expression {
  /** Most matches one expression reports; bounds the work a huge comment can cause. */
  int MAX_SPANS = 1000;

  /**
   * Adds the expression's matches in the comment to {@code out}, sorted by start, and returns them
   * as a list ({@link Matches#list}; {@link Matches#NONE} when it does not match).
   */
  long matches(CommentTokens tokens, Matches out);

  /**
   * What the comment must contain for the expression to match, as groups of which each must be met;
   * a group is a list of alternatives, each {@code {term, option}}: the term must occur or, when
   * {@code option} is not -1, all the words of that phrase option must ({@link Alternatives}). Used
   * to index rules, so only rules whose every group is met are evaluated.
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
    public long matches(CommentTokens tokens, Matches out) {
      return phrase(slots, 0, slots.length, anchor, tokens, out);
    }

    /**
     * The matches of the phrase whose {@code length} words are {@code code[from..from+length)},
     * found from each position of the word at {@code anchor}; an alternation's phrase options are
     * read from its {@link OptionPlan} this way, without their own objects.
     */
    static long phrase(
        int[] code, int from, int length, int anchor, CommentTokens tokens, Matches out) {
      int key = code[from + anchor];
      int count = tokens.occurrenceCount(key);
      if (count == 0) {
        return Matches.NONE;
      }
      int[] found = tokens.occurrences(key);
      int first = out.next();
      int n = 0;
      for (int i = 0; i < count; i++) {
        int start = found[i] - anchor;
        if (start < 0) {
          continue;
        }
        boolean all = true;
        for (int s = 0; s < length && all; s++) {
          all = s == anchor || tokens.has(code[from + s], start + s);
        }
        if (all) {
          out.addWords(start, start + length - 1);
          if (++n >= MAX_SPANS) {
            break;
          }
        }
      }
      return n == 0 ? Matches.NONE : Matches.list(first, n);
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
   * Any of the alternatives. {@code firstPhrase} is the number of its first phrase option among all
   * alternations' ({@link Alternatives}); {@code plan} says how every option is tried ({@link
   * OptionPlan}).
   */
  record AnyOf(List<Expression> options, int firstPhrase, OptionPlan plan) implements Expression {
    AnyOf(List<Expression> options, int firstPhrase) {
      this(options, firstPhrase, OptionPlan.of(options));
    }

    @Override
    public long matches(CommentTokens tokens, Matches out) {
      int pendingFrom = out.pendingCount();
      int[] code = plan.code();
      if (plan.byComment(tokens)) {
        // tried in written order, so the matches come out in the same order
        long[] always = plan.always();
        int options = plan.options();
        int found = out.reserveBits(always.length);
        plan.keysFound(tokens, out.bits(), found);
        for (int w = 0; w < always.length; w++) {
          long candidates = out.bits()[found + w] | always[w];
          while (candidates != 0) {
            int bit = Long.numberOfTrailingZeros(candidates);
            candidates &= candidates - 1;
            int i = (w << 6) + bit;
            push(option(i, code, code[options + i], tokens, out), out);
          }
        }
        out.releaseBits(found);
      } else {
        // the key words, read front to back: only options whose key word occurs are looked at
        for (int i = 0, n = plan.options(); i < n; i++) {
          int key = code[i];
          if (key < 0 || tokens.occurs(key)) {
            push(option(i, code, code[n + i], tokens, out), out);
          }
        }
      }
      int lists = out.pendingCount() - pendingFrom;
      if (lists <= 1) {
        long only = lists == 0 ? Matches.NONE : out.pending(pendingFrom);
        out.popTo(pendingFrom);
        return only;
      }
      int first = out.next();
      int n = 0;
      for (int k = pendingFrom; k < pendingFrom + lists; k++) {
        long list = out.pending(k);
        for (int m = Matches.first(list), end = m + Matches.count(list); m < end; m++) {
          out.addCopy(m);
          n++;
        }
      }
      out.popTo(pendingFrom);
      out.sortByStart(first, n);
      return Matches.list(first, Math.min(n, MAX_SPANS));
    }

    private static void push(long list, Matches out) {
      if (list != Matches.NONE) {
        out.push(list);
      }
    }

    /**
     * Option {@code i}'s matches, its plan at {@code code[p]}, when its key word occurs: a word or
     * phrase from the plan (a phrase when its other words occur too), anything else from its own
     * object.
     */
    private long option(int i, int[] code, int p, CommentTokens tokens, Matches out) {
      int kind = code[p];
      if (kind == OptionPlan.WORD) {
        return word(code[p + 1], tokens, out);
      }
      if (kind == OptionPlan.PHRASE) {
        int length = code[p + 1];
        int others = p + 3 + length;
        if (!tokens.allOccur(code, others + 1, code[others])) {
          return Matches.NONE;
        }
        return Words.phrase(code, p + 3, length, code[p + 2], tokens, out);
      }
      return options.get(i).matches(tokens, out);
    }

    /** A one-word option's matches: each position of its word, the first {@link #MAX_SPANS}. */
    private static long word(int term, CommentTokens tokens, Matches out) {
      int count = Math.min(tokens.occurrenceCount(term), MAX_SPANS);
      int[] at = tokens.occurrences(term);
      int first = out.next();
      for (int i = 0; i < count; i++) {
        out.addWords(at[i], at[i]);
      }
      return Matches.list(first, count);
    }

    /**
     * One group: a one-word option needs its word, a phrase option all its words (as its phrase
     * number, see {@link Alternatives}; its anchor is filled in when the phrases are indexed), any
     * other option what its own first group needs.
     */
    @Override
    public void groups(List<int[][]> out) {
      List<int[]> any = new ArrayList<>();
      int phrase = firstPhrase;
      for (Expression option : options) {
        if (option instanceof Words w && w.slots().length == 1) {
          any.add(new int[] {w.slots()[0], -1});
        } else if (option instanceof Words) {
          any.add(new int[] {-1, phrase++});
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
    public long matches(CommentTokens tokens, Matches out) {
      long lefts = left.matches(tokens, out);
      if (lefts == Matches.NONE) {
        return Matches.NONE;
      }
      long rights = right.matches(tokens, out);
      if (rights == Matches.NONE) {
        return Matches.NONE;
      }
      int first = out.next();
      int n = 0;
      int rightFirst = Matches.first(rights);
      int rightEnd = rightFirst + Matches.count(rights);
      for (int a = Matches.first(lefts), leftEnd = a + Matches.count(lefts); a < leftEnd; a++) {
        int aStart = out.start(a);
        int aLast = out.end(a);
        for (int b = rightFirst; b < rightEnd; b++) {
          int bStart = out.start(b);
          if (bStart > aLast + gap + 1) {
            break;
          }
          boolean close;
          if (bStart > aLast) {
            close = bStart - aLast - 1 <= gap;
          } else if (aStart > out.end(b)) {
            close = !ordered && aStart - out.end(b) - 1 <= gap;
          } else {
            close = false;
          }
          if (close) {
            out.addJoin(a, b);
            if (++n >= MAX_SPANS) {
              break;
            }
          }
        }
      }
      if (n == 0) {
        return Matches.NONE;
      }
      out.sortByStart(first, n);
      return Matches.list(first, n);
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
    public long matches(CommentTokens tokens, Matches out) {
      int joined = -1;
      for (Expression part : parts) {
        long found = part.matches(tokens, out);
        if (found == Matches.NONE) {
          return Matches.NONE;
        }
        joined = joined < 0 ? Matches.first(found) : out.addJoin(joined, Matches.first(found));
      }
      return joined < 0 ? Matches.NONE : Matches.list(joined, 1);
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
