package uk.nhs.triage.bot.web.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.web.CrisisRule;
import uk.nhs.triage.bot.web.WebServer;
import uk.nhs.triage.bot.web.WebSettings;

/** Single sign-on against an OpenID Connect provider played by WireMock. */
class OidcSignInTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  @RegisterExtension
  static WireMockExtension idp =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CLIENT_ID = "triage-app";
  private static final String SECRET = "s3cret-from-the-environment";
  private static final String REDIRECT = "http://127.0.0.1/login/callback";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static KeyPair providerKey;
  private static KeyPair otherKey;
  private static WebServer server;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    providerKey = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
    Users users = new Users(DB.jdbi());
    users.put("sam.jones", Role.PALS, "a long unused password".toCharArray());
    users.put("lee.left", Role.PALS, "a long unused password".toCharArray());
    DB.jdbi()
        .useHandle(
            h -> h.execute("UPDATE web_user SET disabled = true WHERE username = ?", "lee.left"));
    WebSettings settings =
        new WebSettings(
            "127.0.0.1",
            0,
            false,
            Duration.ofHours(1),
            Path.of("..", "config", "reply-checks.txt"),
            CrisisRule.DEFAULT,
            WebSettings.SignIn.OIDC,
            new OidcSettings(
                issuer(), CLIENT_ID, "TRIAGE_OIDC_SECRET", REDIRECT, "preferred_username"));
    Wiring wiring = Wiring.of(TriageConfig.load(Path.of("..", "config", "demo", "triage.yml")));
    server =
        WebServer.start(
            settings,
            DB.jdbi(),
            DB.store(),
            wiring.classifier(),
            JsonMapper.create(),
            ZoneId.of("Europe/London"),
            Map.of("TRIAGE_OIDC_SECRET", SECRET));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void provider() {
    DB.jdbi().useHandle(h -> h.execute("DELETE FROM web_session"));
    idp.stubFor(
        get(urlPathEqualTo("/.well-known/openid-configuration"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "issuer", issuer(),
                            "authorization_endpoint", issuer() + "/authorize",
                            "token_endpoint", issuer() + "/token",
                            "jwks_uri", issuer() + "/keys")))));
    RSAPublicKey key = (RSAPublicKey) providerKey.getPublic();
    idp.stubFor(
        get(urlPathEqualTo("/keys"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "keys",
                            List.of(
                                Map.of(
                                    "kty", "RSA",
                                    "use", "sig",
                                    "kid", "key-1",
                                    "n", unsigned(key.getModulus()),
                                    "e", unsigned(key.getPublicExponent()))))))));
  }

  @Test
  void aPersonInTheTableSignsInThroughTheProviderAndSeesTheirQueue() throws Exception {
    HttpResponse<String> login = send("/login", null);
    assertThat(login.statusCode()).isEqualTo(302);
    String location = login.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(issuer() + "/authorize?");
    Map<String, String> query = query(location);
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", REDIRECT)
        .containsEntry("scope", "openid profile email")
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "nonce", "code_challenge");
    assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(OidcAuthenticator.FLOW_COOKIE + "=")
        .contains("HttpOnly", "SameSite=Lax", "Max-Age=");

    Flow flow = new Flow(login);
    stubToken(token(providerKey, claims(flow.nonce(), "sam.jones")));
    HttpResponse<String> callback = flow.callback(flow.state());
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location")).hasValue("/");
    String session = sessionCookie(callback);
    assertThat(session).isNotNull();

    HttpResponse<String> queue = send("/queue", "triage_session=" + session);
    assertThat(queue.statusCode()).isEqualTo(200);

    // The code was redeemed with our secret and the verifier whose S256 hash the provider saw.
    String form = idp.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0).getBodyAsString();
    Map<String, String> redeemed = parse(form);
    assertThat(redeemed)
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "the-code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", SECRET)
        .containsEntry("redirect_uri", REDIRECT);
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(redeemed.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
    assertThat(challenge).isEqualTo(query.get("code_challenge"));
  }

  @Test
  void theDiscoveryDocumentIsFetchedOnce() throws Exception {
    new Flow(send("/login", null));
    new Flow(send("/login", null));
    assertThat(
            idp.findAll(getRequestedFor(urlPathEqualTo("/.well-known/openid-configuration")))
                .size())
        .isLessThanOrEqualTo(1);
  }

  @Test
  void aCallbackWithAnotherStateIsRefused() throws Exception {
    Flow flow = new Flow(send("/login", null));
    stubToken(token(providerKey, claims(flow.nonce(), "sam.jones")));
    assertRefused(flow.callback("someone-elses-state"), "did not start here");
    assertThat(idp.findAll(postRequestedFor(urlPathEqualTo("/token")))).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    Flow flow = new Flow(send("/login", null));
    stubToken(token(otherKey, claims(flow.nonce(), "sam.jones")));
    assertRefused(flow.callback(flow.state()), "signature does not verify");
  }

  @Test
  void aTokenForAnotherApplicationIsRefused() throws Exception {
    Flow flow = new Flow(send("/login", null));
    Map<String, Object> claims = claims(flow.nonce(), "sam.jones");
    claims.put("aud", List.of("another-app"));
    stubToken(token(providerKey, claims));
    assertRefused(flow.callback(flow.state()), "issued for another application");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Flow flow = new Flow(send("/login", null));
    Map<String, Object> claims = claims(flow.nonce(), "sam.jones");
    claims.put("exp", Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
    stubToken(token(providerKey, claims));
    assertRefused(flow.callback(flow.state()), "has expired");
  }

  @Test
  void aTokenFromAnotherSignInIsRefused() throws Exception {
    Flow flow = new Flow(send("/login", null));
    stubToken(token(providerKey, claims("another-nonce", "sam.jones")));
    assertRefused(flow.callback(flow.state()), "does not belong to this sign-in");
  }

  @Test
  void beingKnownToTheProviderIsNotEnough() throws Exception {
    for (String who : List.of("pat.stranger", "lee.left")) {
      Flow flow = new Flow(send("/login", null));
      stubToken(token(providerKey, claims(flow.nonce(), who)));
      assertRefused(flow.callback(flow.state()), "not set up for the triage app");
    }
  }

  private static void assertRefused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(sessionCookie(response)).isNull();
    assertThat(response.body()).contains(reason, "Sign in again").doesNotContain("eyJ");
    assertThat(DB.count("SELECT count(*) FROM web_session")).isZero();
  }

  /** The browser's side of one sign-in: what the redirect to the provider gave it. */
  private record Flow(String state, String nonce, String cookie) {
    Flow(HttpResponse<String> login) {
      this(
          query(login.headers().firstValue("Location").orElseThrow()).get("state"),
          query(login.headers().firstValue("Location").orElseThrow()).get("nonce"),
          login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
    }

    /** The provider sends the browser back with a code and the state. */
    HttpResponse<String> callback(String sentState) throws Exception {
      return send("/login/callback?code=the-code&state=" + sentState, cookie);
    }
  }

  private static HttpResponse<String> send(String path, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("triage_session="))
        .map(c -> c.substring("triage_session=".length()).split(";")[0])
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse(null);
  }

  private static void stubToken(String idToken) throws Exception {
    idp.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "access_token", "opaque",
                            "token_type", "Bearer",
                            "id_token", idToken)))));
  }

  private static Map<String, Object> claims(String nonce, String username) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("iss", issuer());
    claims.put("aud", CLIENT_ID);
    claims.put("sub", "subject-" + username);
    claims.put("preferred_username", username);
    claims.put("nonce", nonce);
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
    return claims;
  }

  private static String token(KeyPair key, Map<String, Object> claims) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        b64.encodeToString(
                json(Map.of("alg", "RS256", "typ", "JWT", "kid", "key-1"))
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
    PrivateKey privateKey = key.getPrivate();
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(privateKey);
    rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + b64.encodeToString(rs256.sign());
  }

  private static String issuer() {
    return idp.baseUrl();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, String> query(String url) {
    return parse(URI.create(url).getRawQuery());
  }

  private static Map<String, String> parse(String form) {
    Map<String, String> values = new HashMap<>();
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return values;
  }
}
