package uk.nhs.triage.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The platform answers the social adapters' tests serve from WireMock. */
public final class SocialFixtures {
  private SocialFixtures() {}

  public static String read(String path) {
    try (InputStream in = SocialFixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first half of a fixture: what a dropped connection or a broken proxy leaves. */
  public static String truncated(String path) {
    String whole = read(path);
    return whole.substring(0, whole.length() / 2);
  }
}
