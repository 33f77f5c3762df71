package uk.nhs.triage.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.TriageConfig;

/** The {@code --config FILE} option every command shares. */
final class ConfigOption {
  static final Path EXAMPLE = Path.of("config", "triage.example.yml");

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The configuration file (default: ${DEFAULT-VALUE}).")
  Path file = EXAMPLE;

  TriageConfig load() {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          file,
          "",
          "no such file. Run from the project folder (where config/ is) or pass --config FILE.");
    }
    return TriageConfig.load(file);
  }

  Wiring wiring() {
    return Wiring.of(load());
  }
}
