package uk.nhs.triage.adapters;

import java.util.List;

/**
 * What one poll of an account brought back.
 *
 * @param comments the new comments, oldest first
 * @param cursor where the next poll starts; saved with the comments in one transaction
 * @param more true when the platform has more new comments after this page
 * @param problems entries the adapter could not read and passed over, each saying where and why
 */
public record Page(List<Comment> comments, String cursor, boolean more, List<String> problems) {
  public Page {
    comments = List.copyOf(comments);
    problems = List.copyOf(problems);
  }

  public Page(List<Comment> comments, String cursor) {
    this(comments, cursor, false, List.of());
  }
}
