package uk.nhs.triage.bot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes an endless, seeded stream of realistic comments by recombining sentences of a labelled
 * corpus, with the noise of real replies: capitals, typos, emoji, one-word answers and long rants.
 * The same seed gives the same stream.
 */
public final class CommentGenerator {
  private static final String[] EMOJI = {
    "😡", "🙏", "❤️", "👏", "😂", "🤬", "👍", "😭", "🙄", "💙"
  };
  private static final String[] SHORT = {
    "👍", "Thanks!", "Disgraceful", "Shocking", "lol", "Diolch"
  };

  private final List<String> sentences;
  private final SplittableRandom random;

  public CommentGenerator(List<String> corpusTexts, long seed) {
    this.sentences = new ArrayList<>();
    for (String text : corpusTexts) {
      for (String sentence : text.split("(?<=[.!?])\\s+")) {
        if (!sentence.isBlank()) {
          sentences.add(sentence.strip());
        }
      }
    }
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no text to build comments from");
    }
    this.random = new SplittableRandom(seed);
  }

  public String next() {
    int shape = random.nextInt(100);
    if (shape < 4) {
      return SHORT[random.nextInt(SHORT.length)];
    }
    int count = shape < 7 ? 8 + random.nextInt(10) : 1 + random.nextInt(3);
    StringBuilder comment = new StringBuilder(200);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        comment.append(' ');
      }
      comment.append(noisy(sentences.get(random.nextInt(sentences.size()))));
    }
    if (random.nextInt(5) == 0) {
      comment.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
    }
    return comment.toString();
  }

  private String noisy(String sentence) {
    int roll = random.nextInt(100);
    if (roll < 5) {
      return sentence.toUpperCase(Locale.ROOT);
    }
    if (roll < 15) {
      return typo(sentence);
    }
    if (roll < 20) {
      return sentence.toLowerCase(Locale.ROOT);
    }
    return sentence;
  }

  private String typo(String sentence) {
    if (sentence.length() < 4) {
      return sentence;
    }
    char[] chars = sentence.toCharArray();
    int at = 1 + random.nextInt(chars.length - 2);
    if (Character.isSurrogate(chars[at]) || Character.isSurrogate(chars[at + 1])) {
      return sentence; // never split an emoji into two halves
    }
    char swap = chars[at];
    chars[at] = chars[at + 1];
    chars[at + 1] = swap;
    return new String(chars);
  }
}
