package uk.nhs.triage.adapters;

import java.util.List;

/**
 * What one poll of an account brought back.
 *
 * @param comments the new comments, oldest first
 * @param cursor where the next poll starts; saved with the comments in one transaction
 */
public record Page(List<Comment> comments, String cursor) {
  public Page {
    comments = List.copyOf(comments);
  }
}
