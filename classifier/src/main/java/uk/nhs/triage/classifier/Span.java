package uk.nhs.triage.classifier;

/**
 * Where a rule expression matched: the first and last token positions, and the pieces (pairs of
 * first and last positions) that are the matched words, e.g. a phrase and the word near it.
 */
record Span(int start, int end, int[] pieces) {
  static Span of(int start, int end) {
    return new Span(start, end, new int[] {start, end});
  }

  Span join(Span other) {
    int[] both = new int[pieces.length + other.pieces.length];
    System.arraycopy(pieces, 0, both, 0, pieces.length);
    System.arraycopy(other.pieces, 0, both, pieces.length, other.pieces.length);
    return new Span(Math.min(start, other.start), Math.max(end, other.end), both);
  }

  boolean overlaps(Span other) {
    return start <= other.end && other.start <= end;
  }
}
