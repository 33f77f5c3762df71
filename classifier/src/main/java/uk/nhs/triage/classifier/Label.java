package uk.nhs.triage.classifier;

import java.util.Locale;

/** What a comment is about, as the social media policy names it. */
public enum Label {
  POSITIVE,
  NEGATIVE,
  PATIENT_SAFETY,
  FOI_REQUEST,
  PRESS_CONTACT,
  PERSISTENT_USER,
  SAFEGUARDING,
  OFFENSIVE,
  PERSONAL_DATA;

  /**
   * The name used in rule files, JSON output, the database and the UI, e.g. {@code foi_request}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Label fromWireName(String name) {
    for (Label label : values()) {
      if (label.wireName().equals(name)) {
        return label;
      }
    }
    throw new IllegalArgumentException("unknown label '" + name + "'");
  }
}
