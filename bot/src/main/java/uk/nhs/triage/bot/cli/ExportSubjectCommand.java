package uk.nhs.triage.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.triage.bot.DatabaseChoice;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.governance.SubjectAccessExport;
import uk.nhs.triage.bot.store.Database;

/** Prints, as JSON, everything held about one social media handle (subject access request). */
@Command(
    name = "export-subject",
    description = "Prints as JSON everything held about one handle, for a subject access request.")
public final class ExportSubjectCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--handle", required = true, description = "The handle, with or without @.")
  String handle;

  @Override
  public Integer call() throws Exception {
    TriageConfig loaded = config.load();
    try (Database database = DatabaseChoice.open(loaded.database(), System.getenv())) {
      var json = JsonMapper.create();
      System.out.println(
          json.writerWithDefaultPrettyPrinter()
              .writeValueAsString(new SubjectAccessExport(database.jdbi(), json).export(handle)));
    }
    return 0;
  }
}
