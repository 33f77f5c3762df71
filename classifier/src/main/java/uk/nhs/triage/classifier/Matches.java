package uk.nhs.triage.classifier;

import java.util.Arrays;

/**
 * Where a rule's expressions matched one comment, in flat int arrays reused from rule to rule, so
 * that evaluating a rule allocates nothing.
 *
 * <p>A match is a record of four ints: its first and last word positions, and where its pieces (the
 * matched words, as pairs of first and last positions, e.g. a phrase and the word near it) start in
 * the piece array and how many ints they take. A list of matches is a run of consecutive records,
 * handed around as one {@code long}: {@link #list}. Records and pieces are only ever appended while
 * one rule is evaluated, so a list stays valid until {@link #clear}. One instance per thread.
 */
final class Matches {
  /** The empty list. */
  static final long NONE = 0;

  private int[] records = new int[4 * 64];
  private int recordCount;
  private int[] pieces = new int[256];
  private int pieceCount;

  /** Lists an alternation has found so far; nested alternations stack theirs above. */
  private long[] pending = new long[32];

  private int pendingCount;

  /** Option bits of the alternations being evaluated, nested ones above. */
  private long[] bits = new long[16];

  private int bitCount;

  private long[] sortKeys = new long[64];
  private int[] sortCopy = new int[4 * 64];

  /** Forgets every match: call before evaluating a rule. */
  void clear() {
    recordCount = 0;
    pieceCount = 0;
    pendingCount = 0;
    bitCount = 0;
  }

  /**
   * Reserves {@code words} 64-bit words of {@link #bits()}, holding whatever they held; returns
   * where they start.
   */
  int reserveBits(int words) {
    int at = bitCount;
    if (at + words > bits.length) {
      bits = Arrays.copyOf(bits, Math.max(bits.length * 2, at + words));
    }
    bitCount = at + words;
    return at;
  }

  /** The reserved words; read afresh after evaluating anything, which may reserve more. */
  long[] bits() {
    return bits;
  }

  /** Releases the words reserved from {@code at} on. */
  void releaseBits(int at) {
    bitCount = at;
  }

  static long list(int first, int count) {
    return ((long) first << 32) | count;
  }

  /** The index of a list's first match. */
  static int first(long list) {
    return (int) (list >>> 32);
  }

  static int count(long list) {
    return (int) list;
  }

  /** The index the next match added will get. */
  int next() {
    return recordCount;
  }

  int start(int match) {
    return records[4 * match];
  }

  int end(int match) {
    return records[4 * match + 1];
  }

  /** Where match {@code match}'s pieces start in {@link #piece}. */
  int piecesFrom(int match) {
    return records[4 * match + 2];
  }

  /** How many ints match {@code match}'s pieces take (two per piece). */
  int piecesLength(int match) {
    return records[4 * match + 3];
  }

  int piece(int i) {
    return pieces[i];
  }

  /** Adds a match of the consecutive words {@code first} to {@code last}; returns its index. */
  int addWords(int first, int last) {
    if (pieceCount + 2 > pieces.length) {
      pieces = Arrays.copyOf(pieces, pieces.length * 2);
    }
    int p = pieceCount;
    pieces[p] = first;
    pieces[p + 1] = last;
    pieceCount = p + 2;
    return addRecord(first, last, p, 2);
  }

  /**
   * Adds the join of matches {@code a} and {@code b}: from the first start to the last end, with
   * a's pieces then b's; returns its index.
   */
  int addJoin(int a, int b) {
    int aFrom = piecesFrom(a);
    int aLength = piecesLength(a);
    int bFrom = piecesFrom(b);
    int bLength = piecesLength(b);
    int length = aLength + bLength;
    if (pieceCount + length > pieces.length) {
      pieces = Arrays.copyOf(pieces, Math.max(pieces.length * 2, pieceCount + length));
    }
    int p = pieceCount;
    System.arraycopy(pieces, aFrom, pieces, p, aLength);
    System.arraycopy(pieces, bFrom, pieces, p + aLength, bLength);
    pieceCount = p + length;
    return addRecord(Math.min(start(a), start(b)), Math.max(end(a), end(b)), p, length);
  }

  /** Adds a copy of match {@code m} (sharing its pieces); returns its index. */
  int addCopy(int m) {
    int r = 4 * m;
    return addRecord(records[r], records[r + 1], records[r + 2], records[r + 3]);
  }

  private int addRecord(int start, int end, int piecesFrom, int piecesLength) {
    int r = 4 * recordCount;
    if (r + 4 > records.length) {
      records = Arrays.copyOf(records, records.length * 2);
    }
    records[r] = start;
    records[r + 1] = end;
    records[r + 2] = piecesFrom;
    records[r + 3] = piecesLength;
    return recordCount++;
  }

  /** Notes a list an alternation has found, to be joined with the others it finds. */
  void push(long list) {
    if (pendingCount == pending.length) {
      pending = Arrays.copyOf(pending, pendingCount * 2);
    }
    pending[pendingCount++] = list;
  }

  int pendingCount() {
    return pendingCount;
  }

  long pending(int i) {
    return pending[i];
  }

  /** Drops the lists pushed from {@code from} on. */
  void popTo(int from) {
    pendingCount = from;
  }

  /**
   * Sorts the run of {@code count} matches from {@code first} by start, keeping the order of
   * matches that start together (as a stable sort does); does nothing when they already are.
   */
  void sortByStart(int first, int count) {
    boolean sorted = true;
    for (int i = first + 1, end = first + count; i < end; i++) {
      if (start(i) < start(i - 1)) {
        sorted = false;
        break;
      }
    }
    if (sorted) {
      return;
    }
    if (sortKeys.length < count) {
      sortKeys = new long[Math.max(count, sortKeys.length * 2)];
    }
    for (int i = 0; i < count; i++) {
      // positions are never negative: start then place gives the stable order
      sortKeys[i] = ((long) start(first + i) << 32) | i;
    }
    Arrays.sort(sortKeys, 0, count);
    if (sortCopy.length < 4 * count) {
      sortCopy = new int[Math.max(4 * count, sortCopy.length * 2)];
    }
    System.arraycopy(records, 4 * first, sortCopy, 0, 4 * count);
    for (int i = 0; i < count; i++) {
      int from = 4 * (int) sortKeys[i];
      System.arraycopy(sortCopy, from, records, 4 * (first + i), 4);
    }
  }
}
