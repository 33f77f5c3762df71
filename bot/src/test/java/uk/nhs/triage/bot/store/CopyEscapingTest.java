package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * COPY text is escaped in one pass as it is written ({@link CopyRows#json}, {@link
 * CopyRows#array}): it must be exactly what cleaning first ({@link PostgresText#cleanJson}, {@link
 * Columns#arrayLiteral}) and escaping after gave. (The server reading it back is {@code
 * CopyRowsTest}'s.)
 */
class CopyEscapingTest {

  private static final List<String> AWKWARD =
      List.of(
          "",
          "plain",
          "tab\tnew\nline\rcarriage",
          "back\\slash and \\\\ two",
          "\\N and \\. alone",
          "NUL \0 raw",
          "quote \" brace { } comma ,",
          "emoji 👩‍⚕️ and U+2028 \u2028 and BOM \uFEFF",
          "ends with backslash \\");

  @Test
  void jsonIsCleanedAndEscapedAsCleaningThenEscapingDid() {
    JsonColumns json = new JsonColumns(TestDatabase.mapper());
    for (String text : AWKWARD) {
      String serialized = json.serialize(Map.of("t", text, "nul", "a\0b"));
      assertThat(new CopyRows("t (j)").json(serialized).text())
          .isEqualTo(new CopyRows("t (j)").text(PostgresText.cleanJson(serialized)).text());
    }
    // JSON text as another serializer might leave it: escapes of NUL, escaped backslashes before
    // "u0000" (text, not an escape), a raw NUL.
    for (String raw :
        List.of(
            "{\"t\":\"a\\u0000b\"}",
            "{\"t\":\"a\\\\u0000b\"}",
            "{\"t\":\"a\\\\\\u0000b\"}",
            "{\"t\":\"\\u0000\\u0000\"}",
            "{\"t\":\"x\0y\"}",
            "{\"t\":\"tab\\tq\\\"\"}")) {
      assertThat(new CopyRows("t (j)").json(raw).text())
          .as(raw)
          .isEqualTo(new CopyRows("t (j)").text(PostgresText.cleanJson(raw)).text());
    }
  }

  @Test
  void arraysAreWrittenAsTheirLiteralEscaped() {
    assertThat(new CopyRows("t (a)").array(AWKWARD).text())
        .isEqualTo(new CopyRows("t (a)").text(Columns.arrayLiteral(AWKWARD)).text());
    assertThat(new CopyRows("t (a)").array(List.of()).text()).isEqualTo("{}");
  }

  @Test
  void textReplacesNulAndEscapesTheFourCopyCharacters() {
    assertThat(new CopyRows("t (x)").text("a\tb\nc\rd\\e\0f").text())
        .isEqualTo("a\\tb\\nc\\rd\\\\e\uFFFDf");
    assertThat(new CopyRows("t (x)").text(null).text()).isEqualTo("\\N");
  }
}
