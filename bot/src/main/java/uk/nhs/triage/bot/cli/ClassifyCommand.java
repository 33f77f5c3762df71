package uk.nhs.triage.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.adapters.replay.ReplayLineException;
import uk.nhs.triage.adapters.replay.ReplayLineParser;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.pipeline.HistoryBook;
import uk.nhs.triage.bot.pipeline.Triage;

/** Classifies and routes JSON lines from stdin, writing one JSON line per input, in order. */
@Command(
    name = "classify",
    description = {
      "Reads comments as JSON lines on stdin and writes one JSON line per comment on stdout:",
      "labels, scores, queues, actions and evidence. No database is needed; author history",
      "is what the same author wrote earlier in the input."
    })
public final class ClassifyCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Option(
      names = "--strict",
      description = "Exit with status 1 when any input line could not be read.")
  boolean strict;

  private final Clock clock;

  public ClassifyCommand() {
    this(Clock.systemUTC());
  }

  ClassifyCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Triage triage = config.wiring().triage();
    ObjectMapper json = JsonMapper.create();
    TriageJson output = new TriageJson(json);
    ReplayLineParser parser = new ReplayLineParser("stdin");
    HistoryBook histories = HistoryBook.inMemory();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                System.in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    int lineNumber = 0;
    int failures = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        Comment comment = parser.parse(line);
        out.println(
            json.writeValueAsString(output.of(triage.triage(comment, histories, clock.instant()))));
      } catch (ReplayLineException e) {
        failures++;
        err.println("line " + lineNumber + ": " + e.getMessage());
      }
    }
    out.flush();
    err.flush();
    if (failures > 0) {
      err.println(
          "classify: " + failures + " of " + lineNumber + " lines could not be read (see above)");
    }
    return failures > 0 && strict ? 1 : 0;
  }
}
