package uk.nhs.triage.bot.calendar;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A part of the United Kingdom with its own bank holidays. */
public enum Nation {
  ENGLAND_AND_WALES,
  SCOTLAND,
  NORTHERN_IRELAND;

  /** FOI Act s.10: a bank holiday "in any part of the United Kingdom" is not a working day. */
  public static final Set<Nation> ALL_UK = Collections.unmodifiableSet(EnumSet.allOf(Nation.class));

  /** NHS complaints (England) regulations count England's working days. */
  public static final Set<Nation> ENGLAND =
      Collections.unmodifiableSet(EnumSet.of(ENGLAND_AND_WALES));

  /** The name used in data files, e.g. {@code england-and-wales}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a nation from its data-file name.
   *
   * @throws IllegalArgumentException naming the known nations when the key is not one of them
   */
  public static Nation fromKey(String key) {
    for (Nation nation : values()) {
      if (nation.key().equals(key)) {
        return nation;
      }
    }
    throw new IllegalArgumentException(
        "unknown nation '" + key + "' (expected england-and-wales, scotland or northern-ireland)");
  }
}
