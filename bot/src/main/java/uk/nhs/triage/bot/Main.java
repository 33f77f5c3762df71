package uk.nhs.triage.bot;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.nhs.triage.bot.cli.BenchCommand;
import uk.nhs.triage.bot.cli.BenchPipelineCommand;
import uk.nhs.triage.bot.cli.ClassifyCommand;
import uk.nhs.triage.bot.cli.DemoCommand;
import uk.nhs.triage.bot.cli.EvaluateCommand;
import uk.nhs.triage.bot.cli.ExplainCommand;
import uk.nhs.triage.bot.cli.ExportSubjectCommand;
import uk.nhs.triage.bot.cli.MigrateCommand;
import uk.nhs.triage.bot.cli.PollCommand;
import uk.nhs.triage.bot.cli.PurgeCommand;
import uk.nhs.triage.bot.cli.RunCommand;
import uk.nhs.triage.bot.cli.SendOutboxCommand;
import uk.nhs.triage.bot.cli.SoakCommand;
import uk.nhs.triage.bot.cli.UserCommand;

/** The command line: {@code java -jar bot/target/triage-bot.jar <command>}. */
@Command(
    name = "triage-bot",
    mixinStandardHelpOptions = true,
    version = "triage-bot 0.1.0",
    description = "Triage of comments on an NHS body's corporate social media accounts.",
    subcommands = {
      DemoCommand.class,
      ClassifyCommand.class,
      ExplainCommand.class,
      EvaluateCommand.class,
      PollCommand.class,
      RunCommand.class,
      MigrateCommand.class,
      PurgeCommand.class,
      ExportSubjectCommand.class,
      BenchCommand.class,
      SoakCommand.class,
      BenchPipelineCommand.class,
      SendOutboxCommand.class,
      UserCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status when the bot cannot start: bad config, no database, unreadable rules. */
  static final int CANNOT_START = 2;

  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    int status = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(status);
  }

  /** The command line, writing UTF-8 to stdout (buffered: classify may write millions of lines). */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setOut(
            new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                false))
        .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println("error: " + StartupProblem.describe(e));
              return CANNOT_START;
            });
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
