package uk.nhs.triage.bot.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import uk.nhs.triage.bot.Main;

/** Runs the real command line in this JVM with the given stdin, keeping stdout and stderr. */
final class CommandLineRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String stdin, String... args) {
    InputStream realIn = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return Main.commandLine()
          .setOut(new PrintWriter(out, true))
          .setErr(new PrintWriter(err, true))
          .execute(args);
    } finally {
      System.setIn(realIn);
    }
  }
}
