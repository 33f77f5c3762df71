package uk.nhs.triage.bot.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.Organisation;

/**
 * The reply templates ({@code templates/*.txt}), named by file name without {@code .txt}. Only the
 * organisation's details and the author's handle can be filled in: a draft never quotes the
 * comment, so personal data posted to us is never repeated back.
 */
public final class ReplyTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private static final Set<String> KNOWN =
      Set.of("organisation", "pals_phone", "pals_email", "foi_email", "handle");

  private final Path folder;
  private final Map<String, Filled> templates;

  /**
   * A template with the organisation's details filled in once, at load, cut where the author's
   * handle goes: {@code parts} alternate text and handle (text first), so a draft is the parts
   * joined with the handle between them.
   */
  private record Filled(String[] parts) {
    static Filled of(String template, Map<String, String> values) {
      List<String> parts = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      Matcher matcher = PLACEHOLDER.matcher(template);
      int from = 0;
      while (matcher.find()) {
        text.append(template, from, matcher.start());
        String name = matcher.group(1);
        if (name.equals("handle")) {
          parts.add(text.toString());
          text.setLength(0);
        } else {
          text.append(values.get(name));
        }
        from = matcher.end();
      }
      parts.add(text.append(template, from, template.length()).toString());
      return new Filled(parts.toArray(String[]::new));
    }

    String render(String handle) {
      if (parts.length == 1) {
        return parts[0];
      }
      StringBuilder draft = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        draft.append(handle).append(parts[i]);
      }
      return draft.toString();
    }
  }

  private ReplyTemplates(Path folder, Map<String, Filled> templates) {
    this.folder = folder;
    this.templates = Map.copyOf(templates);
  }

  public static ReplyTemplates load(Path folder, Organisation organisation) {
    Map<String, String> values =
        Map.of(
            "organisation", organisation.name(),
            "pals_phone", organisation.palsPhone(),
            "pals_email", organisation.palsEmail(),
            "foi_email", organisation.foiEmail());
    Map<String, Filled> templates = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          Matcher matcher = PLACEHOLDER.matcher(lines[i]);
          while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
              throw new ConfigException(
                  file,
                  "line " + (i + 1),
                  "unknown placeholder {{"
                      + matcher.group(1)
                      + "}} (expected one of "
                      + KNOWN
                      + ")");
            }
          }
        }
        String name = file.getFileName().toString();
        templates.put(name.substring(0, name.length() - ".txt".length()), Filled.of(text, values));
      }
    } catch (IOException e) {
      throw new ConfigException(folder, "", "cannot read the templates folder: " + e.getMessage());
    }
    return new ReplyTemplates(folder, templates);
  }

  public Path folder() {
    return folder;
  }

  public boolean has(String name) {
    return templates.containsKey(name);
  }

  /** The template filled in for this comment's author. */
  public String render(String name, Comment comment) {
    Filled template = templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no reply template '" + name + "' in " + folder);
    }
    String handle = comment.author().handle();
    return template.render(handle == null || handle.isBlank() ? "there" : "@" + handle);
  }
}
