package uk.nhs.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code user add} on the demo configuration's embedded PostgreSQL. */
class UserCommandTest {
  private static final String CONFIG = "../config/demo/triage.yml";
  private final CommandLineRun cli = new CommandLineRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String stdin, String... args) {
    return cli.run(stdin, args);
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
