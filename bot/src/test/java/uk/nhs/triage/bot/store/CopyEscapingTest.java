package uk.nhs.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
          "ends with backslash \\",
          "lone surrogates \uD83D and \uDE00 and a pair \uD83D\uDE00 and reversed \uDE00\uD83D",
          "ends with a high surrogate \uD83D",
          "Latin-1 é ß, Greek λ, CJK 漢字, Arabic مرحبا");

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
  void bytesAreTheUtf8OfTheEscapedText() {
    // As written before the rows went straight to bytes: the escaped text as a string, then
    // String.getBytes (a lone surrogate becomes '?').
    for (String text : AWKWARD) {
      StringBuilder escaped = new StringBuilder();
      for (char c : PostgresText.clean(text).toCharArray()) {
        switch (c) {
          case '\\' -> escaped.append("\\\\");
          case '\n' -> escaped.append("\\n");
          case '\r' -> escaped.append("\\r");
          case '\t' -> escaped.append("\\t");
          default -> escaped.append(c);
        }
      }
      CopyRows rows = new CopyRows("t (x, y)", 1).text(text).number(-42).endRow();
      byte[] expected = (escaped + "\t-42\n").getBytes(StandardCharsets.UTF_8);
      assertThat(Arrays.copyOf(rows.bytes(), rows.length())).as(text).isEqualTo(expected);
    }
  }

  @Test
  void jsonWrittenIntoABufferIsTheSameAsFromAString() {
    JsonColumns json = new JsonColumns(TestDatabase.mapper());
    JsonChars scratch = new JsonChars();
    for (String text : AWKWARD) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("t", text);
      value.put("nul", "a\0b");
      value.put("n", List.of(1, 2.5));
      CopyRows fromString = new CopyRows("t (j)").json(json.serialize(value)).endRow();
      CopyRows fromBuffer = new CopyRows("t (j)").json(json.objectInto(value, scratch)).endRow();
      assertThat(fromBuffer.text()).as(text).isEqualTo(fromString.text());
    }
  }

  @Test
  void textReplacesNulAndEscapesTheFourCopyCharacters() {
    assertThat(new CopyRows("t (x)").text("a\tb\nc\rd\\e\0f").text())
        .isEqualTo("a\\tb\\nc\\rd\\\\e\uFFFDf");
    assertThat(new CopyRows("t (x)").text(null).text()).isEqualTo("\\N");
  }
}
