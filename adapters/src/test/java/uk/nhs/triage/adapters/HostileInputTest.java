package uk.nhs.triage.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.triage.adapters.bluesky.BlueskyNotificationsAdapter;
import uk.nhs.triage.adapters.facebook.FacebookPageAdapter;
import uk.nhs.triage.adapters.instagram.InstagramAdapter;
import uk.nhs.triage.adapters.twitter.XMentionsAdapter;
import uk.nhs.triage.adapters.youtube.YouTubeCommentsAdapter;

/**
 * Every platform adapter fed seeded hostile pages: truncated JSON, wrong types, deep nesting, 10 MB
 * strings, control characters, right-to-left text, combining marks, lone surrogates and broken
 * UTF-8. Each poll must end, within seconds, in a Page or an {@link AdapterException} that names
 * the account: never another exception, never a hang.
 */
class HostileInputTest {
  private static final int CASES_PER_PLATFORM = 40;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-14T12:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] NASTY = {
    "\u0000\u0001\u0007\u001b[31m",
    "\u202Eevil\u202C",
    "e\u0301\u0301\u0301\u0301",
    "\uD800",
    "\uDFFF\uD800",
    "💩".repeat(50),
    "<script>alert(1)</script>",
    "'; DROP TABLE comment; --",
    "\r\n\r\n",
    ""
  };

  @RegisterExtension
  static WireMockExtension platform =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  record Platform(
      String name,
      String fixture,
      String replyListing,
      String baseSuffix,
      Function<AccountSettings, SourceAdapter> open,
      Map<String, String> secrets,
      Map<String, String> options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> platforms() {
    return Stream.of(
            new Platform(
                "x",
                "x/mentions-page1.json",
                "x/mentions-page2.json",
                "",
                s -> new XMentionsAdapter(s, CLOCK),
                Map.of("bearer_token", "secret-bearer"),
                Map.of("user_id", "1500000000000000001")),
            new Platform(
                "facebook",
                "facebook/comments_page1.json",
                "facebook/comments_page2.json",
                "/v19.0",
                s -> new FacebookPageAdapter(s, CLOCK),
                Map.of("page_access_token", "secret-token"),
                Map.of()),
            new Platform(
                "instagram",
                "instagram/comments_page1.json",
                "instagram/replies_page2.json",
                "/v19.0",
                s -> new InstagramAdapter(s, CLOCK),
                Map.of("access_token", "secret-token"),
                Map.of()),
            new Platform(
                "youtube",
                "youtube/threads-page1.json",
                "youtube/replies-of-d.json",
                "",
                s -> new YouTubeCommentsAdapter(s, CLOCK),
                Map.of("api_key", "secret-key"),
                Map.of()),
            new Platform(
                "bluesky",
                "bluesky/notifications-page1.json",
                "bluesky/post-thread.json",
                "",
                s -> new BlueskyNotificationsAdapter(s, CLOCK),
                Map.of("access_jwt", "secret-jwt"),
                Map.of()))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  void hostilePagesEndInAPageOrAnAdapterErrorNeverACrashOrAHang(Platform p) throws Exception {
    fuzz(
        p,
        p.fixture(),
        adapter -> {
          Page page = adapter.poll(null);
          for (Comment comment : page.comments()) {
            assertThat(comment.externalId()).isNotNull();
            assertThat(comment.text()).isNotNull();
          }
        });
  }

  /** The read-back a retried reply makes first: found, not found, or an AdapterException. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  void hostileReplyListingsEndInAnAnswerOrAnAdapterError(Platform p) throws Exception {
    Comment comment =
        new Comment(
            p.name(),
            "1790000000000000100",
            "fuzz-" + p.name(),
            Author.UNKNOWN,
            "Waited four hours",
            Instant.EPOCH,
            null,
            null,
            "{}");
    fuzz(
        p,
        p.replyListing(),
        adapter ->
            assertThat(((ReplyTarget) adapter).findOwnReply(comment, "Sorry to hear this."))
                .isNotNull());
  }

  /** What one hostile case asks of the adapter. */
  @FunctionalInterface
  interface Exercise {
    void run(SourceAdapter adapter) throws AdapterException;
  }

  private static void fuzz(Platform p, String fixtureName, Exercise exercise) throws Exception {
    String fixture = SocialFixtures.read(fixtureName);
    SplittableRandom random = new SplittableRandom((p.name() + fixtureName).hashCode());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES_PER_PLATFORM; i++) {
      byte[] body = hostile(fixture, random, i);
      platform.resetAll();
      platform.stubFor(
          any(anyUrl())
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));
      SourceAdapter adapter =
          p.open()
              .apply(
                  new AccountSettings(
                      "fuzz-" + p.name(),
                      p.name(),
                      "nhs_fuzz",
                      platform.baseUrl() + p.baseSuffix(),
                      p.secrets(),
                      p.options(),
                      Duration.ofSeconds(5)));
      int n = i;
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> {
            try {
              exercise.run(adapter);
            } catch (AdapterException e) {
              assertThat(e.getMessage()).contains("fuzz-" + p.name()).doesNotContain("secret-");
            } catch (RuntimeException e) {
              failures.add("case " + n + ": " + e);
            }
          });
    }
    if (!failures.isEmpty()) {
      fail(p.name() + " adapter crashed on hostile input:\n" + String.join("\n", failures));
    }
  }

  private static byte[] hostile(String fixture, SplittableRandom random, int i) throws Exception {
    return switch (i % 8) {
      case 0 ->
          fixture.substring(0, random.nextInt(fixture.length())).getBytes(StandardCharsets.UTF_8);
      case 1 -> ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
      case 2 -> {
        byte[] bytes = fixture.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < 20; k++) {
          bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x40));
        }
        yield bytes;
      }
      default -> JSON.writeValueAsBytes(mutate(JSON.readTree(fixture), random, i));
    };
  }

  /** Replaces values deep in the tree with wrong types, huge or nasty strings. */
  private static JsonNode mutate(JsonNode root, SplittableRandom random, int i) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    for (int k = 0; k < 1 + random.nextInt(6); k++) {
      JsonNode target = containers.get(random.nextInt(containers.size()));
      JsonNode replacement =
          switch (random.nextInt(7)) {
            case 0 -> JSON.getNodeFactory().numberNode(random.nextLong());
            case 1 -> JSON.getNodeFactory().nullNode();
            case 2 -> JSON.createArrayNode().add(1).add("two");
            case 3 -> JSON.createObjectNode().put("nested", true);
            case 4 ->
                new TextNode(i % 3 == 0 ? "x".repeat(10 * 1024 * 1024) : "2024-13-45T99:99:99Z");
            default -> new TextNode(NASTY[random.nextInt(NASTY.length)]);
          };
      if (target instanceof ObjectNode object && object.size() > 0) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        if (object.get(name).isValueNode() || random.nextInt(3) == 0) {
          object.set(name, replacement);
        }
      } else if (target instanceof ArrayNode array && array.size() > 0) {
        array.set(random.nextInt(array.size()), replacement);
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.forEach(child -> collect(child, into));
    }
  }
}
