package uk.nhs.triage.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a configuration whose accounts are replay feeds, over the shipped rules, routing,
 * templates and calendar: for the soak run and for tests that need a whole bot on local files.
 */
public final class ReplayConfig {
  private ReplayConfig() {}

  /**
   * @param shipped the project's {@code config/} folder
   * @param feeds account id to the replay file it reads, in order
   * @return the written {@code triage.yml}
   */
  public static Path write(Path folder, Path shipped, Map<String, Path> feeds) throws IOException {
    Path config = shipped.toAbsolutePath().normalize();
    StringBuilder accounts = new StringBuilder();
    feeds.forEach(
        (id, feed) ->
            accounts
                .append("  - {id: ")
                .append(id)
                .append(", platform: replay, options: {file: \"")
                .append(feed.toAbsolutePath())
                .append("\"}}\n"));
    Path file = folder.resolve("triage.yml");
    Files.writeString(
        file,
        """
        organisation: {name: NHS Example, pals_phone: 0300 000 0000, pals_email: pals@example.nhs.uk, foi_email: foi@example.nhs.uk}
        rules: %1$s/rules
        routing: %1$s/routing.yml
        templates: %1$s/templates
        calendar: {bank_holidays: %1$s/calendar/bank-holidays.csv}
        accounts:
        %2$sdestinations: {comms: c@example.nhs.uk, pals: p@example.nhs.uk, foi: f@example.nhs.uk, quality: q@example.nhs.uk, safeguarding: s@example.nhs.uk}
        """
            .formatted(config, accounts));
    return file;
  }
}
