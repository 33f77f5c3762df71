package uk.nhs.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.nhs.triage.bot.store.TestDatabase;

/** The web app over plain HTTP: sign-in, roles, CSRF, throttling, headers, replies, exports. */
class WebAppTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static WebFixture app;

  @BeforeAll
  static void start() {
    app = WebFixture.start(DB);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static WebClient signedIn(String role) {
    WebClient client = new WebClient(app.base());
    HttpResponse<String> response = client.signIn(role, WebFixture.PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return client;
  }

  @Test
  void pagesNeedASignIn() {
    WebClient anonymous = new WebClient(app.base());
    HttpResponse<String> queue = anonymous.get("/queue");
    assertThat(queue.statusCode()).isEqualTo(302);
    assertThat(queue.headers().firstValue("Location")).hasValue("/login");
    assertThat(anonymous.get("/export/queue.csv").statusCode()).isEqualTo(302);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
    WebClient client = new WebClient(app.base());
    HttpResponse<String> response = client.signIn("comms", WebFixture.PASSWORD);
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("triage_session=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (HttpResponse<String> response :
        List.of(new WebClient(app.base()).get("/login"), signedIn("comms").get("/queue"))) {
      assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    WebClient comms = signedIn("comms");
    long item = app.replyableItem();
    HttpResponse<String> response =
        comms.post("/items/" + item + "/status", Map.of("status", "in_progress"));
    assertThat(response.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken =
        comms.post(
            "/items/" + item + "/status", Map.of("status", "in_progress", "_csrf", "forged"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(DB.strings("SELECT status FROM triage_item WHERE id = " + item))
        .containsExactly("new");
  }

  @Test
  void aPalsUserIsRefusedTheCommsApprovalAction() {
    long palsItem =
        DB.count(
            "SELECT t.id FROM triage_item t WHERE 'PALS' = ANY(t.queues)"
                + " AND 'COMMS' = ANY(t.queues) AND t.reply_draft IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'reply:' || t.id)"
                + " ORDER BY t.id DESC LIMIT 1");
    WebClient pals = signedIn("pals");
    HttpResponse<String> response =
        pals.postWithToken(
            "/items/" + palsItem,
            "/items/" + palsItem + "/reply",
            Map.of("text", "We are sorry to hear this.", "action", "approve"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(
            DB.count(
                "SELECT count(*) FROM outbox WHERE idempotency_key = 'reply:" + palsItem + "'"))
        .isZero();
  }

  @Test
  void eachTeamSeesOnlyItsOwnQueue() {
    String foiQueue = signedIn("foi").get("/queue").body();
    assertThat(foiQueue).contains("FOI: ").doesNotContain("COMMS: ").doesNotContain("PALS: ");
    long commsOnly =
        DB.count("SELECT id FROM triage_item WHERE queues = ARRAY['COMMS'] ORDER BY id LIMIT 1");
    assertThat(signedIn("safeguarding").get("/items/" + commsOnly).statusCode()).isEqualTo(403);
    assertThat(signedIn("pals").get("/media").statusCode()).isEqualTo(403);
    assertThat(signedIn("quality").get("/foi").statusCode()).isEqualTo(403);
    assertThat(signedIn("comms").get("/admin/users").statusCode()).isEqualTo(403);
    assertThat(signedIn("admin").get("/admin/users").statusCode()).isEqualTo(200);
  }

  @Test
  void fiveFailedSignInsLockTheUsernameFromThatAddress() {
    WebClient guesser = new WebClient(app.base());
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.signIn("quality", "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> rightPassword = guesser.signIn("quality", WebFixture.PASSWORD);
    assertThat(rightPassword.statusCode()).isEqualTo(401);
    assertThat(rightPassword.body()).contains("Too many failed sign-ins");
    DB.jdbi().useHandle(h -> h.execute("DELETE FROM login_attempt WHERE username = 'quality'"));
    assertThat(new WebClient(app.base()).signIn("quality", WebFixture.PASSWORD).statusCode())
        .isEqualTo(302);
  }

  @Test
  void aReplyWithHealthAdviceIsHeldUntilSentAnyway() {
    WebClient comms = signedIn("comms");
    long item = app.replyableItem();
    String advice = "Sorry you feel unwell. You should take two paracetamol.";
    HttpResponse<String> held =
        comms.postWithToken(
            "/items/" + item,
            "/items/" + item + "/reply",
            Map.of("text", advice, "action", "approve"));
    assertThat(held.statusCode()).isEqualTo(409);
    assertThat(held.body()).contains("held").contains("health advice");
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE idempotency_key = 'reply:" + item + "'"))
        .isZero();

    HttpResponse<String> sent =
        comms.postWithToken(
            "/items/" + item,
            "/items/" + item + "/reply",
            Map.of("text", advice, "action", "approve", "send_anyway", "yes"));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(
            DB.strings(
                "SELECT payload->>'text' FROM outbox WHERE idempotency_key = 'reply:" + item + "'"))
        .containsExactly(advice);
  }

  @Test
  void aReplyWithPersonalDataIsHeld() {
    WebClient comms = signedIn("comms");
    long item = app.replyableItem();
    HttpResponse<String> held =
        comms.postWithToken(
            "/items/" + item,
            "/items/" + item + "/reply",
            Map.of(
                "text",
                "Thanks, we have passed your NHS number 943 476 5919 to PALS on 0300 123 4567.",
                "action",
                "approve"));
    assertThat(held.statusCode()).isEqualTo(409);
    assertThat(held.body()).contains("personal data");
  }

  @Test
  void aPressContactIsNeverOfferedAPublicReply() {
    long press =
        DB.count(
            "SELECT t.id FROM triage_item t JOIN media_enquiry m ON m.comment_id = t.comment_id"
                + " ORDER BY t.id LIMIT 1");
    WebClient comms = signedIn("comms");
    String page = comms.get("/items/" + press).body();
    assertThat(page).contains("Never answered on social media").doesNotContain("approve-reply");
    HttpResponse<String> forced =
        comms.postWithToken(
            "/items/" + press,
            "/items/" + press + "/reply",
            Map.of("text", "Hello journalist", "action", "approve"));
    assertThat(forced.statusCode()).isEqualTo(403);
  }

  @Test
  void hidingAskedTwiceQueuesOneHideWithItsReasonAudited() {
    WebClient comms = signedIn("comms");
    long item = app.itemId("<script>%");
    for (int i = 0; i < 2; i++) {
      comms.postWithToken(
          "/items/" + item, "/items/" + item + "/hide", Map.of("reason", "offensive content"));
    }
    assertThat(DB.count("SELECT count(*) FROM outbox WHERE idempotency_key = 'hide:" + item + "'"))
        .isEqualTo(1);
    assertThat(
            DB.strings(
                "SELECT actor || ' ' || (detail->>'reason') FROM audit_log"
                    + " WHERE action = 'comment.hide_requested' AND entity_id = '"
                    + item
                    + "'"))
        .containsExactly("user:comms offensive content");
  }

  @Test
  void statusAssignmentAndNotesAreAuditedWithThePersonAsActor() {
    WebClient quality = signedIn("quality");
    long item =
        DB.count("SELECT id FROM triage_item WHERE 'QUALITY' = ANY(queues) ORDER BY id LIMIT 1");
    String page = "/items/" + item;
    quality.postWithToken(page, page + "/status", Map.of("status", "in_progress"));
    quality.postWithToken(page, page + "/assign", Map.of("assignee", "sam"));
    quality.postWithToken(page, page + "/note", Map.of("note", "Called the ward"));
    assertThat(
            DB.strings(
                "SELECT actor || ' ' || action FROM audit_log WHERE entity = 'triage_item'"
                    + " AND entity_id = '"
                    + item
                    + "' AND actor = 'user:quality' ORDER BY id"))
        .containsExactly(
            "user:quality triage_item.status",
            "user:quality triage_item.assigned",
            "user:quality triage_item.note_added");
    String after = quality.get(page).body();
    assertThat(after).contains("Called the ward").contains("Assigned to sam");
  }

  @Test
  void theFoiTeamTakesACaseThroughToClosed() {
    WebClient foi = signedIn("foi");
    String page = foi.get("/foi").body();
    assertThat(page)
        .contains("Days left")
        .contains("Owen Pryce")
        .contains("address for correspondence");
    long id = DB.count("SELECT id FROM foi_case ORDER BY due_date, id LIMIT 1");
    foi.postWithToken("/foi", "/foi/" + id + "/status", Map.of("status", "responded"));
    foi.postWithToken("/foi", "/foi/" + id + "/status", Map.of("status", "closed"));
    assertThat(DB.strings("SELECT status FROM foi_case WHERE id = " + id))
        .containsExactly("closed");
    assertThat(DB.count("SELECT count(*) FROM audit_log WHERE entity = 'foi_case'")).isEqualTo(2);
  }

  @Test
  void theMediaLogKeepsTheResponseOnFile() {
    WebClient comms = signedIn("comms");
    long id = DB.count("SELECT id FROM media_enquiry ORDER BY id LIMIT 1");
    comms.postWithToken(
        "/media",
        "/media/" + id,
        Map.of(
            "outlet", "=HYPERLINK(\"http://evil\")",
            "journalist", "Jo Bloggs",
            "nature", "Winter pressures",
            "deadline_text", "Friday 5pm",
            "status", "responded",
            "response", "Statement sent by email, approved by the director"));
    assertThat(DB.strings("SELECT response FROM media_enquiry WHERE id = " + id))
        .containsExactly("Statement sent by email, approved by the director");
    String csv = comms.get("/export/media.csv").body();
    assertThat(csv)
        .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
        .contains("Statement sent by email, approved by the director");
  }

  @Test
  void theQueueExportIsCsvWithFormulasNeutralised() {
    HttpResponse<String> csv = signedIn("comms").get("/export/queue.csv?label=negative");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("item,priority,due_by").contains(WebFixture.SCRIPT_COMMENT);
    assertThat(signedIn("foi").get("/export/foi.csv").body()).startsWith("reference,");
  }

  @Test
  void theDashboardRaisesACrisisOnASurgeOfNegativeComments() {
    String page = signedIn("comms").get("/dashboard").body();
    assertThat(page)
        .contains("Possible crisis on demo")
        .contains("holding statement is due")
        .contains("<svg")
        .contains("Account health");
  }

  @Test
  void theQueueFiltersAndPutsTheMostUrgentFirst() {
    WebClient comms = signedIn("comms");
    String csv = comms.get("/export/queue.csv?label=patient_safety").body();
    List<String> rows = csv.lines().skip(1).toList();
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains("patient_safety"));
    List<String> priorities = rows.stream().map(row -> row.split(",")[1]).toList();
    assertThat(priorities)
        .isSortedAccordingTo(
            java.util.Comparator.comparing(
                p -> List.of("URGENT", "HIGH", "NORMAL", "LOW").indexOf(p)));
    assertThat(comms.get("/export/queue.csv?platform=facebook").body().lines().count())
        .isEqualTo(1);
    String page = comms.get("/queue?label=foi_request").body();
    assertThat(page).contains("open_data_owen").doesNotContain("My father is at GWH");
  }

  @Test
  void theQueuePageShowsAScriptInACommentAsText() {
    String page = signedIn("comms").get("/queue").body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; this service is a disgrace")
        .doesNotContain("<script>");
  }

  @Test
  void aRoleChangedByTheAdminCountsFromTheUsersNextPage() {
    WebClient admin = signedIn("admin");
    Map<String, String> asPals =
        Map.of("username", "robin", "role", "pals", "password", WebFixture.PASSWORD);
    assertThat(admin.postWithToken("/admin/users", "/admin/users", asPals).statusCode())
        .isEqualTo(302);
    WebClient robin = new WebClient(app.base());
    robin.signIn("robin", WebFixture.PASSWORD);
    assertThat(robin.get("/media").statusCode()).isEqualTo(403);

    Map<String, String> asComms =
        Map.of("username", "robin", "role", "comms", "password", WebFixture.PASSWORD);
    admin.postWithToken("/admin/users", "/admin/users", asComms);

    assertThat(robin.get("/media").statusCode()).isEqualTo(200);
  }

  @Test
  void signingOutEndsTheSession() {
    WebClient comms = signedIn("comms");
    assertThat(comms.postWithToken("/queue", "/logout", Map.of()).statusCode()).isEqualTo(302);
    assertThat(comms.get("/queue").statusCode()).isEqualTo(302);
  }

  @Test
  void theSessionCookieIsSecureWhenTheConfigSaysSo() {
    WebSettings secure =
        new WebSettings(
            "127.0.0.1",
            0,
            true,
            java.time.Duration.ofHours(1),
            java.nio.file.Path.of("..", "config", "reply-checks.txt"),
            CrisisRule.DEFAULT);
    try (WebServer server =
        WebServer.start(
            secure,
            DB.jdbi(),
            DB.store(),
            app.wiring.classifier(),
            uk.nhs.triage.bot.JsonMapper.create(),
            java.time.ZoneId.of("Europe/London"))) {
      // A client over plain HTTP does not send Secure cookies back, so the form is posted by hand.
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> form = new WebClient(base).get("/login");
      String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(formCookie).contains("; Secure");
      String token = WebClient.csrf(form.body());
      HttpResponse<String> response =
          WebClient.rawPost(
              base + "/login",
              "triage_login_csrf=" + token,
              "_csrf="
                  + token
                  + "&username=comms&password="
                  + WebFixture.PASSWORD.replace(' ', '+'));
      assertThat(response.headers().allValues("Set-Cookie"))
          .anySatisfy(
              cookie -> assertThat(cookie).startsWith("triage_session=").contains("; Secure"));
    }
  }
}
