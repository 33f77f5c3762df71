package uk.nhs.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {
  private static final String CONFIG = "../config/triage.example.yml";
  private final CommandLineRun cli = new CommandLineRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int classify(String input, String... extra) {
    List<String> args = new ArrayList<>(List.of("classify", "--config", CONFIG));
    args.addAll(List.of(extra));
    return cli.run(input, args.toArray(String[]::new));
  }

  private List<JsonNode> outputLines() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void writesOneLinePerCommentInOrderWithLabelsQueuesActionsAndEvidence() throws Exception {
    int status =
        classify(
            """
            {"id": "a", "text": "My father is at GWH and has not been offered a drink for 2 days"}
            {"id": "b", "text": "Huge thanks to the midwives on the delivery suite, absolutely brilliant"}
            {"id": "c", "text": "Under the Freedom of Information Act please provide the number of agency nurses employed in 2025"}
            """);

    assertThat(status).isZero();
    List<JsonNode> lines = outputLines();
    assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("a", "b", "c");

    JsonNode safety = lines.get(0);
    assertThat(texts(safety.get("labels"))).contains("patient_safety");
    assertThat(texts(safety.get("queues"))).contains("QUALITY", "PALS");
    assertThat(texts(safety.get("actions"))).contains("ESCALATE_NOW");
    assertThat(safety.get("scores").get("patient_safety").asDouble()).isPositive();
    assertThat(texts(safety.get("evidence").get("patient_safety"))).isNotEmpty();

    assertThat(texts(lines.get(1).get("labels"))).containsExactly("positive");
    assertThat(texts(lines.get(1).get("queues"))).containsExactly("COMMS");

    JsonNode foi = lines.get(2);
    assertThat(texts(foi.get("labels"))).contains("foi_request");
    assertThat(texts(foi.get("queues"))).contains("FOI");
    assertThat(foi.get("foi").get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void aMalformedLineIsReportedWithItsNumberAndTheRestAreClassified() throws Exception {
    int status =
        classify(
            """
            {"id": "1", "text": "Thank you so much to the district nurses"}
            {"id": "2", "text": "broken
            {"text": "no id here"}
            {"id": "4", "text": "The wait in A&E was awful, 9 hours on a trolley"}
            """);

    assertThat(status).isZero();
    assertThat(outputLines()).extracting(l -> l.get("id").asText()).containsExactly("1", "4");
    assertThat(err.toString()).contains("line 2: not JSON").contains("line 3: missing \"id\"");
  }

  @Test
  void strictModeFailsWhenAnyLineCouldNotBeRead() {
    assertThat(classify("{\"id\": \"1\", \"text\": \"ok\"}\nnot json\n", "--strict")).isEqualTo(1);
  }

  @Test
  void authorHistoryIsTheEarlierLinesOfTheSameAuthor() throws Exception {
    StringBuilder input = new StringBuilder();
    String[] rants = {
      "Useless service again, nobody answers the phone",
      "Still waiting, disgraceful and rude receptionist",
      "Appalling. Cancelled my appointment for the third time",
      "Absolutely shocking service, worst GP surgery ever",
      "Another day, still no call back. Hopeless and incompetent"
    };
    for (int i = 0; i < rants.length; i++) {
      input.append(
          String.format(
              "{\"id\": \"r%d\", \"text\": \"%s\", \"author\": {\"id\": \"u1\"},"
                  + " \"created_at\": \"2026-11-16T0%d:00:00Z\"}%n",
              i, rants[i], i + 1));
    }
    classify(input.toString());
    List<JsonNode> lines = outputLines();
    assertThat(texts(lines.get(0).get("labels"))).doesNotContain("persistent_user");
    assertThat(texts(lines.get(4).get("labels"))).contains("negative", "persistent_user");
    assertThat(texts(lines.get(4).get("actions"))).contains("DO_NOT_ENGAGE");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
