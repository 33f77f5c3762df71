package uk.nhs.triage.adapters.paging;

import uk.nhs.triage.adapters.AdapterException;

/**
 * Follows a listing that pages with an opaque cursor (Bluesky's {@code cursor}, YouTube's {@code
 * pageToken}) from the first page until the listing ends, the reader has read enough, or a page
 * limit is reached.
 */
public final class PageWalk {
  private PageWalk() {}

  /** Reads one page. */
  @FunctionalInterface
  public interface PageReader {
    /**
     * @param cursor the page to read, or null for the first
     * @return the next page's cursor, or null to stop (no more pages, or nothing older is wanted)
     */
    String read(String cursor) throws AdapterException;
  }

  /**
   * How a walk ended.
   *
   * @param pages how many pages were read
   * @param unread the cursor of the next page when the walk stopped at the limit, else null
   */
  public record Walk(int pages, String unread) {}

  public static Walk walk(int maxPages, PageReader reader) throws AdapterException {
    String cursor = null;
    int pages = 0;
    do {
      cursor = reader.read(cursor);
      pages++;
    } while (cursor != null && pages < maxPages);
    return new Walk(pages, cursor);
  }
}
