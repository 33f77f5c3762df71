package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * A parsed rule expression: what a comment must contain for it to match ({@link #groups}, for the
 * rule index) and how it reads as a Lucene query. {@link RulePrograms} compiles it into the int
 * program it is evaluated from.
 */
sealed interface Expression {
  /** Most matches one expression reports; bounds the work a huge comment can cause. */
  int MAX_SPANS = 1000;

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
   * alternations' ({@link Alternatives}); how every option is tried is planned when the rule is
   * compiled ({@link OptionPlan}, {@link RulePrograms}).
   */
  record AnyOf(List<Expression> options, int firstPhrase) implements Expression {

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
