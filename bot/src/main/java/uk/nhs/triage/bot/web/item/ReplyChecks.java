package uk.nhs.triage.bot.web.item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import uk.nhs.triage.classifier.Classifier;
import uk.nhs.triage.classifier.Label;

/**
 * What must hold a reply for a second look before it goes out: personal data (the classifier's
 * {@code personal_data} label) or words that sound like health advice (config/reply-checks.txt).
 */
public final class ReplyChecks {
  private final Classifier classifier;
  private final List<String[]> phrases;

  public ReplyChecks(Classifier classifier, List<String> phrases) {
    this.classifier = classifier;
    this.phrases = phrases.stream().map(ReplyChecks::words).filter(w -> w.length > 0).toList();
  }

  /** One phrase per line; blank lines and lines starting with # are skipped. */
  public static ReplyChecks load(Classifier classifier, Path file) {
    try {
      List<String> lines =
          Files.readAllLines(file, StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList();
      return new ReplyChecks(classifier, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the reply checks file " + file, e);
    }
  }

  /** The warnings for this reply text; empty when it may go without a second look. */
  public List<String> warnings(String reply) {
    List<String> warnings = new ArrayList<>();
    if (classifier.classify(reply).has(Label.PERSONAL_DATA)) {
      warnings.add(
          "The reply looks as if it contains personal data (a phone number, address, NHS number,"
              + " date of birth or email). Personal confidential data is never posted from the"
              + " corporate accounts.");
    }
    String[] text = words(reply);
    for (String[] phrase : phrases) {
      if (contains(text, phrase)) {
        warnings.add(
            "The reply contains \""
                + String.join(" ", phrase)
                + "\", which may be health advice. Signpost to NHS 111, the GP or 999 instead.");
      }
    }
    return warnings;
  }

  private static boolean contains(String[] text, String[] phrase) {
    for (int start = 0; start + phrase.length <= text.length; start++) {
      boolean all = true;
      for (int i = 0; i < phrase.length && all; i++) {
        all = wordMatches(text[start + i], phrase[i]);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean wordMatches(String word, String pattern) {
    return pattern.endsWith("*")
        ? word.startsWith(pattern.substring(0, pattern.length() - 1))
        : word.equals(pattern);
  }

  private static String[] words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}*]+"))
        .filter(w -> !w.isEmpty())
        .toArray(String[]::new);
  }
}
