package uk.nhs.triage.adapters;

/**
 * The member of the public who wrote a comment.
 *
 * @param id the platform's stable id for the author (may be null when the platform gives none)
 * @param handle the @handle or username, without the @ (may be null)
 * @param name the display name as shown on the platform (may be null)
 */
public record Author(String id, String handle, String name) {
  public static final Author UNKNOWN = new Author(null, null, null);

  /** The key an author's history is kept under: the platform id, else the handle. */
  public String historyKey() {
    if (id != null && !id.isBlank()) {
      return id;
    }
    return handle == null ? null : handle.toLowerCase(java.util.Locale.ROOT);
  }
}
