package uk.nhs.triage.classifier;

import java.util.Arrays;

/** A growable list of ints, for the int arrays the loader compiles rules into. */
final class IntList {
  private int[] values = new int[4];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  void addAll(int[] from) {
    addAll(from, 0, from.length);
  }

  void addAll(int[] from, int start, int end) {
    for (int i = start; i < end; i++) {
      add(from[i]);
    }
  }

  int size() {
    return size;
  }

  void set(int at, int value) {
    values[at] = value;
  }

  void copyTo(int[] to, int at) {
    System.arraycopy(values, 0, to, at, size);
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
