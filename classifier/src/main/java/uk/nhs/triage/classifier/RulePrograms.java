package uk.nhs.triage.classifier;

import java.util.List;

/**
 * Every rule's expressions compiled into one int array, in rule order, and evaluated from it: a
 * candidate rule is read front to back from a few neighbouring cache lines instead of through a
 * tree of expression, plan and code objects spread over the heap. Each expression is an operation
 * followed by its operands, a nested expression written out in place:
 *
 * <ul>
 *   <li>{@link #WORDS}, the length {@code n}, the anchor's place ({@link Expression.Words#anchor}),
 *       the {@code n} words;
 *   <li>{@link #ANY}, the number of options {@code n}; when its {@link OptionPlan} has a table of
 *       key words, where the table starts and how many options have a key word (the options are
 *       found from the comment's words through the table when the comment has fewer distinct
 *       words), else -1 and 0; the {@code n} key words and where each option starts; the options: a
 *       word or phrase as its plan writes it, anything else {@link OptionPlan#OTHER} followed by
 *       its own expression; then the table: its size {@code s}, {@code s} terms (-1: empty), {@code
 *       s} first options, {@code n} next options (-1: none), the number {@code w} of 64-option
 *       words and the {@code w} masks of the options always tried, each as two ints;
 *   <li>{@link #NEAR}, the gap, 1 when ordered, where the right side starts, then the left side and
 *       the right side;
 *   <li>{@link #ALL}, the number of parts {@code n}, where each starts, then the parts.
 * </ul>
 *
 * The evaluation is the one the expressions define (matches sorted by start, at most {@link
 * Expression#MAX_SPANS} per expression), written once here.
 */
final class RulePrograms {
  static final int WORDS = 0;
  static final int ANY = 1;
  static final int NEAR = 2;
  static final int ALL = 3;

  private final int[] code;

  /**
   * Per rule, where its match expression starts (-1: a one-word rule, applied without a program),
   * and its {@code unless} expression (-1: none).
   */
  private final int[] matchAt;

  private final int[] unlessAt;

  private RulePrograms(int[] code, int[] matchAt, int[] unlessAt) {
    this.code = code;
    this.matchAt = matchAt;
    this.unlessAt = unlessAt;
  }

  static RulePrograms compile(List<Rule> rules) {
    Compiler compiler = new Compiler();
    int[] matchAt = new int[rules.size()];
    int[] unlessAt = new int[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      // a one-word rule is applied from the comment's words, never run: no program for it, so
      // the programs that do run sit closer together
      matchAt[r] = rule.singleTerm() >= 0 ? -1 : compiler.emit(rule.match());
      unlessAt[r] = rule.unless() == null ? -1 : compiler.emit(rule.unless());
    }
    return new RulePrograms(compiler.code.toArray(), matchAt, unlessAt);
  }

  /** Rule {@code r}'s matches (see {@link #matches(int, CommentTokens, Matches)}). */
  long match(int r, CommentTokens tokens, Matches out) {
    return matches(matchAt[r], tokens, out);
  }

  /** Whether rule {@code r} has an {@code unless} expression. */
  boolean hasUnless(int r) {
    return unlessAt[r] >= 0;
  }

  /** The matches of rule {@code r}'s {@code unless} expression. */
  long unless(int r, CommentTokens tokens, Matches out) {
    return matches(unlessAt[r], tokens, out);
  }

  /**
   * Adds the matches in the comment of the expression at {@code at} to {@code out}, sorted by
   * start, and returns them as a list ({@link Matches#list}; {@link Matches#NONE} when it does not
   * match).
   */
  private long matches(int at, CommentTokens tokens, Matches out) {
    return switch (code[at]) {
      case WORDS -> phrase(code, at + 3, code[at + 1], code[at + 2], tokens, out);
      case ANY -> anyOf(at, tokens, out);
      case NEAR -> near(at, tokens, out);
      default -> allOf(at, tokens, out);
    };
  }

  /**
   * The matches of the phrase whose {@code length} words are {@code code[from..from+length)}, found
   * from each position of the word at {@code anchor}.
   */
  private static long phrase(
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
        if (++n >= Expression.MAX_SPANS) {
          break;
        }
      }
    }
    return n == 0 ? Matches.NONE : Matches.list(first, n);
  }

  /** Any of the options: each tried whose key word occurs (and every bracketed one), merged. */
  private long anyOf(int at, CommentTokens tokens, Matches out) {
    int n = code[at + 1];
    int keys = at + 4;
    int starts = keys + n;
    int pendingFrom = out.pendingCount();
    if (code[at + 3] > tokens.touchedCount()) {
      // tried in written order, so the matches come out in the same order
      int table = code[at + 2];
      int always = table + 1 + 2 * code[table] + n;
      int words = code[always];
      int found = out.reserveBits(words);
      keysFound(table, tokens, out.bits(), found, words);
      for (int w = 0; w < words; w++) {
        long candidates = out.bits()[found + w] | twoInts(always + 1 + 2 * w);
        while (candidates != 0) {
          int bit = Long.numberOfTrailingZeros(candidates);
          candidates &= candidates - 1;
          push(option(code[starts + (w << 6) + bit], tokens, out), out);
        }
      }
      out.releaseBits(found);
    } else {
      // the key words, read front to back: only options whose key word occurs are looked at
      for (int i = 0; i < n; i++) {
        int key = code[keys + i];
        if (key < 0 || tokens.occurs(key)) {
          push(option(code[starts + i], tokens, out), out);
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
    int count = 0;
    for (int k = pendingFrom; k < pendingFrom + lists; k++) {
      long list = out.pending(k);
      for (int m = Matches.first(list), end = m + Matches.count(list); m < end; m++) {
        out.addCopy(m);
        count++;
      }
    }
    out.popTo(pendingFrom);
    out.sortByStart(first, count);
    return Matches.list(first, Math.min(count, Expression.MAX_SPANS));
  }

  /**
   * Writes, in {@code bits} from word {@code at} on, the bits of the options whose key word occurs
   * in the comment, looking each of the comment's words up in the table at {@code table}.
   */
  private void keysFound(int table, CommentTokens tokens, long[] bits, int at, int words) {
    for (int w = 0; w < words; w++) {
      bits[at + w] = 0;
    }
    int size = code[table];
    int terms = table + 1;
    int firstOption = terms + size;
    int nextOption = firstOption + size;
    for (int k = 0, touched = tokens.touchedCount(); k < touched; k++) {
      int term = tokens.touched(k);
      int slot = OptionPlan.slot(code, terms, size, term);
      if (code[terms + slot] == term) {
        for (int i = code[firstOption + slot]; i >= 0; i = code[nextOption + i]) {
          bits[at + (i >>> 6)] |= 1L << i;
        }
      }
    }
  }

  private long twoInts(int at) {
    return ((long) code[at] << 32) | (code[at + 1] & 0xFFFFFFFFL);
  }

  private static void push(long list, Matches out) {
    if (list != Matches.NONE) {
      out.push(list);
    }
  }

  /**
   * The matches of the option whose code starts at {@code p}, when its key word occurs: a word, a
   * phrase when its other words occur too, or its own expression.
   */
  private long option(int p, CommentTokens tokens, Matches out) {
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
      return phrase(code, p + 3, length, code[p + 2], tokens, out);
    }
    return matches(p + 1, tokens, out);
  }

  /** A one-word option's matches: each position of its word, the first {@code MAX_SPANS}. */
  private static long word(int term, CommentTokens tokens, Matches out) {
    int count = Math.min(tokens.occurrenceCount(term), Expression.MAX_SPANS);
    int[] at = tokens.occurrences(term);
    int first = out.next();
    for (int i = 0; i < count; i++) {
      out.addWords(at[i], at[i]);
    }
    return Matches.list(first, count);
  }

  /** Both sides within the gap of each other ({@link Expression.Near}). */
  private long near(int at, CommentTokens tokens, Matches out) {
    int gap = code[at + 1];
    boolean ordered = code[at + 2] != 0;
    long lefts = matches(at + 4, tokens, out);
    if (lefts == Matches.NONE) {
      return Matches.NONE;
    }
    long rights = matches(code[at + 3], tokens, out);
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
          if (++n >= Expression.MAX_SPANS) {
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

  /** Every part somewhere in the comment, as one match joining each part's first. */
  private long allOf(int at, CommentTokens tokens, Matches out) {
    int joined = -1;
    for (int k = 0, n = code[at + 1]; k < n; k++) {
      long found = matches(code[at + 2 + k], tokens, out);
      if (found == Matches.NONE) {
        return Matches.NONE;
      }
      joined = joined < 0 ? Matches.first(found) : out.addJoin(joined, Matches.first(found));
    }
    return joined < 0 ? Matches.NONE : Matches.list(joined, 1);
  }

  /** Writes expressions into the growing code array, returning where each starts. */
  private static final class Compiler {
    final IntList code = new IntList();

    int emit(Expression expression) {
      int at = code.size();
      switch (expression) {
        case Expression.Words w -> {
          code.add(WORDS);
          code.add(w.slots().length);
          code.add(w.anchor());
          for (int slot : w.slots()) {
            code.add(slot);
          }
        }
        case Expression.AnyOf any -> emitAnyOf(any);
        case Expression.Near near -> {
          code.add(NEAR);
          code.add(near.gap());
          code.add(near.ordered() ? 1 : 0);
          code.add(-1);
          emit(near.left());
          code.set(at + 3, emit(near.right()));
        }
        case Expression.AllOf all -> {
          int n = all.parts().size();
          code.add(ALL);
          code.add(n);
          for (int k = 0; k < n; k++) {
            code.add(-1);
          }
          for (int k = 0; k < n; k++) {
            code.set(at + 2 + k, emit(all.parts().get(k)));
          }
        }
      }
      return at;
    }

    private void emitAnyOf(Expression.AnyOf any) {
      OptionPlan plan = OptionPlan.of(any.options());
      int[] planCode = plan.code();
      int n = plan.options();
      code.add(ANY);
      code.add(n);
      int table = code.size();
      if (plan.tableTerms() != null) {
        code.add(-1);
        code.add(plan.keyedCount());
      } else {
        code.add(-1);
        code.add(0);
      }
      for (int i = 0; i < n; i++) {
        code.add(planCode[i]);
      }
      int starts = code.size();
      for (int i = 0; i < n; i++) {
        code.add(-1);
      }
      for (int i = 0; i < n; i++) {
        code.set(starts + i, code.size());
        int from = planCode[n + i];
        int to = i + 1 < n ? planCode[n + i + 1] : planCode.length;
        for (int p = from; p < to; p++) {
          code.add(planCode[p]);
        }
        if (planCode[from] == OptionPlan.OTHER) {
          emit(any.options().get(i));
        }
      }
      if (plan.tableTerms() != null) {
        code.set(table, code.size());
        code.add(plan.tableTerms().length);
        code.addAll(plan.tableTerms());
        code.addAll(plan.tableOptions());
        code.addAll(plan.nextOption());
        code.add(plan.always().length);
        for (long mask : plan.always()) {
          code.add((int) (mask >>> 32));
          code.add((int) mask);
        }
      }
    }
  }
}
