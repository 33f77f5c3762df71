package uk.nhs.triage.classifier;

import java.nio.file.Path;

/**
 * A rule or configuration file the classifier cannot use; the message names file, line and fault.
 */
public final class RuleFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public RuleFileException(Path file, int line, String problem) {
    this(String.valueOf(file.getFileName()), line, problem, null);
  }

  public RuleFileException(String file, int line, String problem, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  /** The file name, e.g. {@code patient_safety.rules}. */
  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 when the fault concerns the whole file. */
  public int line() {
    return line;
  }
}
