package uk.nhs.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.nhs.triage.bot.Main;

/** {@code user add} on the demo configuration's embedded PostgreSQL. */
class UserCommandTest {
  private static final String CONFIG = "../config/demo/triage.yml";
  private final InputStream realIn = System.in;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void restoreStdin() {
    System.setIn(realIn);
  }

  private int run(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    CommandLine cli =
        Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void addsAUserWithThePasswordFromStandardInput() {
    int status =
        run(
            "a long enough password\n",
            "user",
            "add",
            "--config",
            CONFIG,
            "--username",
            "sam.jones",
            "--role",
            "pals");
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("User sam.jones saved with role pals.");
  }

  @Test
  void refusesAPasswordOnTheCommandLineAndAnUnknownRole() {
    assertThat(
            run(
                "",
                "user",
                "add",
                "--config",
                CONFIG,
                "--username",
                "sam",
                "--role",
                "pals",
                "--password",
                "secret"))
        .isNotZero();
    assertThat(err.toString()).contains("--password");
    err.getBuffer().setLength(0);
    assertThat(
            run(
                "a long enough password\n",
                "user",
                "add",
                "--config",
                CONFIG,
                "--username",
                "sam",
                "--role",
                "nurse"))
        .isNotZero();
    assertThat(err.toString()).contains("unknown role 'nurse'");
  }
}
