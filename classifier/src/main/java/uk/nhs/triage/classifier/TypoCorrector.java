package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Corrects a misspelt word into the known word one edit away ({@code typos.conf}), so that "nurss",
 * "ambulnace" and "Infoemation" meet the rules and examples written for "nurse", "ambulance" and
 * "information".
 *
 * <p>A word is known when the lexicon lists it, when the example corpora use it, when it is written
 * in the rule files outside comments (swearing, NHS words and slang the lexicon leaves out), when
 * it starts with a rule's wildcard prefix, or when its stem is. A known word is never corrected. An
 * unknown word of {@code min_length} letters or more (a–z only: handles, tags, emails, masked
 * swearing and numbers are left alone) is corrected when exactly one known word is one edit away (a
 * letter dropped, added, changed, or two neighbours swapped), or when several are and one is used
 * more often than the others in the example corpora. Otherwise it is left as written.
 *
 * <p>Immutable and shared; the analysis chain asks once per distinct word and remembers the answer.
 */
final class TypoCorrector {
  private static final Pattern WORD = Pattern.compile("[a-z]+");

  /** A rule's wildcard prefix: letters then {@code *} ending the word ("medic*", not "f*ck"). */
  private static final Pattern PREFIX = Pattern.compile("(?<![a-z*])([a-z]{3,})\\*(?![a-z*])");

  /** Known words, each with how often the example corpora use it (0 when they do not). */
  private final KnownWords known;

  /** The rules' wildcard prefixes, and which lengths they come in. */
  private final CharArraySet knownPrefixes;

  private final boolean[] prefixLengths;
  private final int minLength;
  private final int capitalisedUses;
  private final String digest;
  private final MaskedWords masked;

  /**
   * @param known the known words with their counts in the example corpora
   * @param knownPrefixes the rules' wildcard prefixes: a word starting with one is known
   * @param minLength the fewest letters a word needs to be corrected
   * @param capitalisedUses how often the example corpora must use the word a capitalised word is
   *     corrected into
   * @param digest a digest of the lexicon, part of the rules version
   * @param masked how masked words are read
   */
  TypoCorrector(
      KnownWords known,
      List<String> knownPrefixes,
      int minLength,
      int capitalisedUses,
      String digest,
      MaskedWords masked) {
    this.known = known;
    this.knownPrefixes = new CharArraySet(knownPrefixes, false);
    int longest = knownPrefixes.stream().mapToInt(String::length).max().orElse(0);
    this.prefixLengths = new boolean[longest + 1];
    knownPrefixes.forEach(p -> prefixLengths[p.length()] = true);
    this.minLength = minLength;
    this.capitalisedUses = capitalisedUses;
    this.digest = digest;
    this.masked = masked;
  }

  /**
   * Knows the lexicon's words, every word written in {@code ruleLines} outside comments (the rule
   * and configuration files) and its wildcard prefixes, and every word {@code exampleTexts} use,
   * counting how often they do.
   */
  static TypoCorrector build(
      List<String> lexicon,
      List<String> ruleLines,
      List<String> exampleTexts,
      int minLength,
      int capitalisedUses,
      String digest,
      MaskedWords masked) {
    Map<String, Integer> uses = new HashMap<>();
    for (String text : exampleTexts) {
      Matcher m = WORD.matcher(folded(text));
      while (m.find()) {
        uses.merge(m.group(), 1, Integer::sum);
      }
    }
    Set<String> ruleWords = new LinkedHashSet<>();
    Set<String> prefixes = new LinkedHashSet<>();
    for (String line : ruleLines) {
      String text = folded(ConfSettings.stripComment(line));
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        ruleWords.add(m.group());
      }
      Matcher p = PREFIX.matcher(text);
      while (p.find()) {
        prefixes.add(p.group(1));
      }
    }
    KnownWords known = new KnownWords(lexicon.size() + uses.size() + ruleWords.size());
    for (String line : lexicon) {
      String word = folded(line.strip());
      if (!word.isEmpty() && !word.startsWith("#")) {
        known.add(word, uses.getOrDefault(word, 0));
      }
    }
    uses.forEach(known::add);
    for (String word : ruleWords) {
      known.add(word, uses.getOrDefault(word, 0));
    }
    return new TypoCorrector(
        known, new ArrayList<>(prefixes), minLength, capitalisedUses, digest, masked);
  }

  /**
   * Lower case, then folded to ASCII by the analysis chain's own {@link ASCIIFoldingFilter}: the
   * form the chain compares words in. Text already in small ASCII letters (the lexicon) is returned
   * as it is.
   */
  private static String folded(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.chars().allMatch(c -> c < 128)) {
      return lower;
    }
    char[] in = lower.toCharArray();
    char[] out = new char[in.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, length);
  }

  /** A digest of the lexicon. */
  String digest() {
    return digest;
  }

  /** How masked words ("t*at", "k1ll") are read. */
  MaskedWords masked() {
    return masked;
  }

  /** Whether {@code word[0..length)} is known, as it stands. */
  boolean knows(char[] word, int length) {
    if (known.contains(word, length)) {
      return true;
    }
    for (int n = Math.min(length, prefixLengths.length - 1); n > 0; n--) {
      if (prefixLengths[n] && knownPrefixes.contains(word, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** A hashtag of letters only, "#shambles": read as its word when that word is known. */
  private static boolean isHashtagOfLetters(char[] word, int length) {
    return length >= 4 && word[0] == '#' && lettersOnly(word, 1, length);
  }

  /**
   * Whether {@code word[0..length)} is one to look for a correction of: it is written masked
   * ({@link MaskedWords#looksMasked}), or it has {@code min_length} letters a–z or more and neither
   * it nor its normalised form {@code normalised} (spelling map and stem) is known ("physios" is
   * "physio" with an ending).
   */
  boolean unknown(char[] word, int length, char[] normalised) {
    if (MaskedWords.looksMasked(word, length) || isHashtagOfLetters(word, length)) {
      return true;
    }
    return length >= minLength
        && lettersOnly(word, length)
        && !knows(word, length)
        && !knows(normalised, normalised.length);
  }

  /**
   * The correction of an {@link #unknown} word {@code word[0..length)}, or null when no single
   * known word one edit away stands out. A masked word is read by {@link MaskedWords} instead,
   * capitalised or not. A capitalised word, most often a name, is corrected only into a word the
   * example corpora use at least {@code capitalised_min_uses} times ("Thakn" becomes "thank";
   * "Stroud" does not become "shroud").
   */
  char[] correct(char[] word, int length, boolean capitalised) {
    if (MaskedWords.looksMasked(word, length)) {
      return masked.read(word, length);
    }
    if (isHashtagOfLetters(word, length)) {
      char[] tagged = Arrays.copyOfRange(word, 1, length);
      return knows(tagged, tagged.length) ? tagged : null;
    }
    char[] unstretched = StretchedWords.unstretched(word, length, known::contains);
    if (unstretched != null) {
      return unstretched;
    }
    Best best = new Best();
    known.forEachOneEditAway(word, length, best);
    char[] chosen = best.chosen();
    return chosen != null && capitalised && best.count < capitalisedUses ? null : chosen;
  }

  private static boolean lettersOnly(char[] word, int length) {
    return lettersOnly(word, 0, length);
  }

  /** Whether {@code word[from..length)} is letters a–z only. */
  static boolean lettersOnly(char[] word, int from, int length) {
    for (int i = from; i < length; i++) {
      if (word[i] < 'a' || word[i] > 'z') {
        return false;
      }
    }
    return true;
  }

  /** The known words met so far among a word's edits: the most used, and whether it stands out. */
  private final class Best implements KnownWords.SlotVisitor {
    private int slot = -1;
    private int count = -1;
    private boolean tied;

    @Override
    public void visit(int candidate) {
      if (candidate == slot) {
        return; // the same word reached by another edit
      }
      int used = known.uses(candidate);
      if (used > count) {
        slot = candidate;
        count = used;
        tied = false;
      } else if (used == count) {
        tied = true;
      }
    }

    /** The one candidate, or the most used when no other is used as often; else null. */
    char[] chosen() {
      return tied || slot < 0 ? null : known.word(slot);
    }
  }
}
