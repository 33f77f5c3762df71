package uk.nhs.triage.classifier;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Every word any rule uses, built once at load time: exact (normalised) terms in a hash map, and
 * wildcard prefixes in a character trie walked once per comment word. A comment's words are looked
 * up here, never rule by rule, so the cost per word does not grow with the number of rules.
 */
final class TermDictionary {
  private static final int[] NONE = new int[0];

  private final CharArrayMap<Integer> exact = new CharArrayMap<>(256, false);
  private final PrefixNode prefixes = new PrefixNode();
  private final List<String> names = new ArrayList<>();
  private final BitSet negators = new BitSet();
  private final String[] negatorSuffixes;
  private boolean hasPrefixes;

  TermDictionary(String[] negatorSuffixes) {
    this.negatorSuffixes = negatorSuffixes;
  }

  /** Marks a normalised word as a negator ("not", "never"): one lookup finds both. */
  void markNegator(String term) {
    negators.set(exactId(term));
  }

  int exactId(String term) {
    Integer id = exact.get(term);
    if (id == null) {
      id = names.size();
      names.add(term);
      exact.put(term, id);
    }
    return id;
  }

  int prefixId(String prefix) {
    PrefixNode node = prefixes;
    for (int i = 0; i < prefix.length(); i++) {
      node = node.childOrCreate(prefix.charAt(i));
    }
    if (node.id < 0) {
      node.id = names.size();
      names.add(prefix + "*");
    }
    hasPrefixes = true;
    return node.id;
  }

  int size() {
    return names.size();
  }

  String name(int id) {
    return names.get(id);
  }

  /** The id of a normalised word, or -1 when no rule uses it. */
  int lookup(char[] term, int length) {
    Integer id = exact.get(term, 0, length);
    return id == null ? -1 : id;
  }

  /** The id of every wildcard prefix the as-written word starts with, shortest first. */
  int[] prefixesOf(char[] term, int length) {
    if (!hasPrefixes) {
      return NONE;
    }
    int[] found = NONE;
    PrefixNode node = prefixes;
    for (int i = 0; i < length; i++) {
      node = node.child(term[i]);
      if (node == null) {
        break;
      }
      if (node.id >= 0) {
        found = java.util.Arrays.copyOf(found, found.length + 1);
        found[found.length - 1] = node.id;
      }
    }
    return found;
  }

  /** Whether a word is a negator, by its dictionary id or its as-written ending (n't). */
  boolean isNegator(int id, char[] term, int length) {
    if (id >= 0 && negators.get(id)) {
      return true;
    }
    for (String suffix : negatorSuffixes) {
      int n = suffix.length();
      if (length > n && endsWith(term, length, suffix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWith(char[] term, int length, String suffix) {
    int offset = length - suffix.length();
    for (int i = 0; i < suffix.length(); i++) {
      if (term[offset + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A trie node; children kept in small parallel arrays since most nodes have one or two. */
  private static final class PrefixNode {
    private char[] keys = new char[0];
    private PrefixNode[] kids = new PrefixNode[0];
    private int id = -1;

    PrefixNode child(char c) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return kids[i];
        }
      }
      return null;
    }

    PrefixNode childOrCreate(char c) {
      PrefixNode found = child(c);
      if (found != null) {
        return found;
      }
      keys = java.util.Arrays.copyOf(keys, keys.length + 1);
      kids = java.util.Arrays.copyOf(kids, kids.length + 1);
      keys[keys.length - 1] = c;
      kids[kids.length - 1] = new PrefixNode();
      return kids[kids.length - 1];
    }
  }
}
