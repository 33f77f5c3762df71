package uk.nhs.triage.bot.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.store.Database;
import uk.nhs.triage.bot.web.auth.Role;
import uk.nhs.triage.bot.web.auth.Users;

/** Who may sign in to the web app. */
@Command(
    name = "user",
    description = "Manages the web app's users.",
    subcommands = {UserCommand.Add.class})
public final class UserCommand implements Runnable {
  /** Where {@code user add} reads the password when stdin is not wanted. */
  public static final String PASSWORD_ENV = "TRIAGE_USER_PASSWORD";

  @Override
  public void run() {
    System.out.println("Use: user add --config FILE --username U --role R");
  }

  @Command(
      name = "add",
      description = {
        "Adds a user (or sets an existing user's role and password).",
        "The password is read from the environment variable " + PASSWORD_ENV + " when set,",
        "else from the first line of standard input; never from the command line."
      })
  static final class Add implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Option(names = "--username", required = true, paramLabel = "U")
    String username;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "R",
        description = "comms, foi, pals, quality, safeguarding or admin")
    String role;

    @Override
    public Integer call() throws IOException {
      Role parsed = Role.fromWireName(role);
      char[] password = password();
      try (Database database = DatabaseChoice.open(config.load().database(), System.getenv())) {
        database.migrate();
        new Users(database.jdbi()).put(username, parsed, password);
      } finally {
        java.util.Arrays.fill(password, '\0');
      }
      spec.commandLine()
          .getOut()
          .println("User " + username + " saved with role " + parsed.wireName() + ".");
      return 0;
    }

    private static char[] password() throws IOException {
      String fromEnv = System.getenv(PASSWORD_ENV);
      if (fromEnv != null && !fromEnv.isEmpty()) {
        return fromEnv.toCharArray();
      }
      Console console = System.console();
      if (console != null) {
        char[] typed = console.readPassword("Password for the new user: ");
        if (typed != null) {
          return typed;
        }
      }
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new IllegalArgumentException(
            "no password: set " + PASSWORD_ENV + " or give it on standard input");
      }
      return line.toCharArray();
    }
  }
}
