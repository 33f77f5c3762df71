package uk.nhs.triage.bot.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * The bot's command line run in a JVM of its own, as an operator would run it, so that a crash
 * point can halt it outright (as SIGKILL would) without taking the test down.
 */
final class BotProcess {
  private BotProcess() {}

  /**
   * Runs {@code command} with {@code --config config} against the test database, armed to crash at
   * {@code crashPoint} (or not, when null); returns the exit status (137 after a crash).
   */
  static int run(TestDatabase db, Path config, Path logDir, String crashPoint, String... command)
      throws Exception {
    List<String> args = new ArrayList<>();
    args.add(ProcessHandle.current().info().command().orElse("java"));
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add("uk.nhs.triage.bot.Main");
    args.addAll(List.of(command));
    args.add("--config");
    args.add(config.toString());
    ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
    Map<String, String> env = new HashMap<>(db.environment());
    env.putAll(NotifyFixtures.ENV);
    if (crashPoint != null) {
      env.put("TRIAGE_FAULT_CRASH_AT", crashPoint);
    }
    builder.environment().putAll(env);
    Path log = Files.createTempFile(logDir, "bot", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the bot did not finish: " + Files.readString(log));
    }
    return process.exitValue();
  }
}
