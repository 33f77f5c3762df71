package uk.nhs.triage.bot.config;

import java.nio.file.Path;

/** A configuration file is wrong: the message names the file, the key path and what is wrong. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String keyPath;

  public ConfigException(Path file, String keyPath, String problem) {
    super(file + ": " + (keyPath == null || keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
    this.file = file;
    this.keyPath = keyPath;
  }

  public Path file() {
    return file;
  }

  /** Where in the file, e.g. {@code accounts[1].platform}; empty for the file as a whole. */
  public String keyPath() {
    return keyPath;
  }
}
