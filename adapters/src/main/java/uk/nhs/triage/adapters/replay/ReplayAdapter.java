package uk.nhs.triage.adapters.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.triage.adapters.AdapterException;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.Page;
import uk.nhs.triage.adapters.SourceAdapter;

/**
 * An account whose comments come from a JSON-lines file, as a platform export gives them. The
 * cursor is the byte offset of the first line not yet read, so a file that grows is picked up where
 * the last poll stopped. A last line without its newline is still being written: it waits for the
 * next poll.
 */
public final class ReplayAdapter implements SourceAdapter {
  private final String accountId;
  private final Path file;
  private final int pageSize;
  private final ReplayLineParser parser;

  public ReplayAdapter(String accountId, Path file, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
    }
    this.accountId = accountId;
    this.file = file;
    this.pageSize = pageSize;
    this.parser = new ReplayLineParser(accountId);
  }

  @Override
  public Page poll(String cursor) throws AdapterException {
    long offset = parseCursor(cursor);
    List<Comment> comments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      LineReader lines = new LineReader(in, offset);
      byte[] line;
      while (comments.size() + problems.size() < pageSize && (line = lines.next()) != null) {
        String text = decode(line, lines.lineStart(), problems);
        if (text.isBlank()) {
          continue;
        }
        try {
          comments.add(parser.parse(text));
        } catch (ReplayLineException e) {
          problems.add(where(lines.lineStart()) + ": " + e.getMessage());
        }
      }
      boolean more = comments.size() + problems.size() >= pageSize;
      return new Page(comments, Long.toString(lines.consumed()), more, problems);
    } catch (NoSuchFileException e) {
      throw new AdapterException("replay account " + accountId + ": no file " + file);
    } catch (java.io.EOFException e) {
      throw new AdapterException(
          "replay account " + accountId + ": cursor " + offset + " is past the end of " + file, e);
    } catch (IOException e) {
      throw new AdapterException("replay account " + accountId + ": cannot read " + file, e);
    }
  }

  private long parseCursor(String cursor) throws AdapterException {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      long offset = Long.parseLong(cursor);
      if (offset < 0) {
        throw new NumberFormatException("negative");
      }
      return offset;
    } catch (NumberFormatException e) {
      throw new AdapterException(
          "replay account " + accountId + ": cursor '" + cursor + "' is not a byte offset");
    }
  }

  /** Broken UTF-8 is replaced, not dropped, and reported so nobody wonders where a letter went. */
  private String decode(byte[] line, long lineStart, List<String> problems) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      problems.add(where(lineStart) + ": invalid UTF-8, read with replacement characters (U+FFFD)");
      return new String(line, StandardCharsets.UTF_8);
    }
  }

  private String where(long lineStart) {
    return file.getFileName() + " at byte " + lineStart;
  }
}
