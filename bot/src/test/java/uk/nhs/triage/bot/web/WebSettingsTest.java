package uk.nhs.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.triage.bot.config.ConfigException;
import uk.nhs.triage.bot.config.TriageConfig;

class WebSettingsTest {
  @TempDir Path dir;

  private Path config(String web) throws IOException {
    Files.writeString(dir.resolve("reply-checks.txt"), "dose\n");
    String example = Files.readString(Path.of("..", "config", "demo", "triage.yml"));
    Path file = dir.resolve("triage.yml");
    Files.writeString(
        file, example.replace("../", Path.of("..", "config").toAbsolutePath() + "/") + web);
    return file;
  }

  @Test
  void readsTheWebBlockAndTheMainReaderAcceptsIt() throws IOException {
    Path file =
        config(
            """
            web:
              bind: 0.0.0.0
              port: 9090
              secure_cookies: true
              session_hours: 8
              crisis:
                min_comments: 10
                times_average: 3
            """);
    WebSettings web = WebSettings.read(file);
    assertThat(web.bind()).isEqualTo("0.0.0.0");
    assertThat(web.port()).isEqualTo(9090);
    assertThat(web.secureCookies()).isTrue();
    assertThat(web.sessionLifetime()).isEqualTo(Duration.ofHours(8));
    assertThat(web.replyChecks()).isEqualTo(dir.resolve("reply-checks.txt"));
    assertThat(web.crisis()).isEqualTo(new CrisisRule(10, 3));
    assertThat(TriageConfig.load(file).accounts()).isNotEmpty();
  }

  @Test
  void withoutAWebBlockTheDefaultsApply() throws IOException {
    WebSettings web = WebSettings.read(config(""));
    assertThat(web.bind()).isEqualTo("127.0.0.1");
    assertThat(web.port()).isEqualTo(WebSettings.DEFAULT_PORT);
    assertThat(web.secureCookies()).isFalse();
    assertThat(web.crisis()).isEqualTo(CrisisRule.DEFAULT);
  }

  @Test
  void anUnknownKeyOrABadNumberIsNamed() throws IOException {
    assertThatThrownBy(() -> WebSettings.read(config("web:\n  prot: 80\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.prot");
    assertThatThrownBy(() -> WebSettings.read(config("web:\n  port: eighty\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.port")
        .hasMessageContaining("eighty");
  }

  @Test
  void signInDefaultsToPasswordsAndCanBeSwitchedToOpenIdConnect() throws IOException {
    assertThat(WebSettings.read(config("")).signIn()).isEqualTo(WebSettings.SignIn.PASSWORD);
    WebSettings web =
        WebSettings.read(
            config(
                """
                web:
                  sign_in: oidc
                  oidc:
                    issuer: https://login.microsoftonline.com/tenant-id/v2.0
                    client_id: 11111111-2222-3333-4444-555555555555
                    client_secret_env: TRIAGE_OIDC_CLIENT_SECRET
                    redirect_uri: https://triage.example.nhs.uk/login/callback
                """));
    assertThat(web.signIn()).isEqualTo(WebSettings.SignIn.OIDC);
    assertThat(web.oidc())
        .isEqualTo(
            new uk.nhs.triage.bot.web.auth.OidcSettings(
                "https://login.microsoftonline.com/tenant-id/v2.0",
                "11111111-2222-3333-4444-555555555555",
                "TRIAGE_OIDC_CLIENT_SECRET",
                "https://triage.example.nhs.uk/login/callback",
                "preferred_username"));
    assertThat(web.oidc().clientSecret(java.util.Map.of("TRIAGE_OIDC_CLIENT_SECRET", "x")))
        .hasValue("x");
  }

  @Test
  void aBadSignInSettingIsNamed() throws IOException {
    assertThatThrownBy(() -> WebSettings.read(config("web:\n  sign_in: sso\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.sign_in")
        .hasMessageContaining("sso");
    assertThatThrownBy(() -> WebSettings.read(config("web:\n  sign_in: oidc\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.oidc");
    assertThatThrownBy(
            () ->
                WebSettings.read(
                    config(
                        """
                        web:
                          sign_in: oidc
                          oidc:
                            issuer: https://login.microsoftonline.com/t/v2.0
                            client_secret_env: S
                            redirect_uri: https://triage.example.nhs.uk/login/callback
                        """)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.oidc.client_id");
  }

  @Test
  void aCrisisNeedsBothEnoughCommentsAndASurgeOverTheAverage() {
    CrisisRule rule = CrisisRule.DEFAULT;
    assertThat(rule.surge(6, 1.0)).isTrue();
    assertThat(rule.surge(5, 0.1)).isFalse();
    assertThat(rule.surge(12, 3.5)).isFalse();
  }
}
