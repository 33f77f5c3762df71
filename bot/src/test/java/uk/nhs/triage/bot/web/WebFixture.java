package uk.nhs.triage.bot.web;

import static uk.nhs.triage.bot.store.TriageFixtures.classification;
import static uk.nhs.triage.bot.store.TriageFixtures.comment;
import static uk.nhs.triage.bot.store.TriageFixtures.decision;
import static uk.nhs.triage.bot.store.TriageFixtures.triaged;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.bot.JsonMapper;
import uk.nhs.triage.bot.TriageBot;
import uk.nhs.triage.bot.Wiring;
import uk.nhs.triage.bot.config.TriageConfig;
import uk.nhs.triage.bot.pipeline.TriagedComment;
import uk.nhs.triage.bot.routing.Priority;
import uk.nhs.triage.bot.routing.Queue;
import uk.nhs.triage.bot.store.TestDatabase;
import uk.nhs.triage.bot.web.auth.Role;
import uk.nhs.triage.bot.web.auth.Users;
import uk.nhs.triage.classifier.Label;

/**
 * The web app on a random port over a test database holding the demo feed (through the real
 * classifier and router), an item whose comment is a script, and a surge of negative comments.
 */
final class WebFixture implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";
  static final String SCRIPT_COMMENT = "<script>alert(1)</script> this service is a disgrace";

  final TestDatabase db;
  final WebServer server;
  final Wiring wiring;

  private WebFixture(TestDatabase db, WebServer server, Wiring wiring) {
    this.db = db;
    this.server = server;
    this.wiring = wiring;
  }

  static WebFixture start(TestDatabase db) {
    TriageConfig config = TriageConfig.load(Path.of("..", "config", "demo", "triage.yml"));
    Wiring wiring = Wiring.of(config);
    TriageBot bot = TriageBot.start(wiring, db.database(), Clock.systemUTC());
    bot.pollOnce();
    Instant now = Instant.now();
    List<TriagedComment> extra = new ArrayList<>();
    extra.add(
        triaged(
            comment(
                "demo", "script-1", new Author("666", "mallory", "Mallory"), SCRIPT_COMMENT, now),
            classification(Label.NEGATIVE),
            decision(Priority.URGENT, now.minus(Duration.ofMinutes(5)), Queue.COMMS)));
    for (int i = 0; i < 7; i++) {
      extra.add(
          triaged(
              comment(
                  "demo",
                  "surge-" + i,
                  new Author("s" + i, "angry" + i, "Angry " + i),
                  "The wait at A&E tonight is dangerous, number " + i,
                  now.minus(Duration.ofMinutes(5 + i))),
              classification(Label.NEGATIVE, Label.PATIENT_SAFETY),
              decision(Priority.HIGH, now.plus(Duration.ofHours(2)), Queue.COMMS, Queue.QUALITY)));
    }
    bot.store().saveBatch("demo", extra, null);
    Users users = new Users(db.jdbi());
    for (Role role : Role.values()) {
      users.put(role.wireName(), role, PASSWORD.toCharArray());
    }
    WebSettings settings =
        new WebSettings(
            "127.0.0.1",
            0,
            false,
            Duration.ofHours(1),
            Path.of("..", "config", "reply-checks.txt"),
            CrisisRule.DEFAULT);
    WebServer server =
        WebServer.start(
            settings,
            db.jdbi(),
            bot.store(),
            wiring.classifier(),
            JsonMapper.create(),
            config.calendar().zone());
    return new WebFixture(db, server, wiring);
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  long itemId(String textLike) {
    return db.count(
        "SELECT t.id FROM triage_item t JOIN comment c ON c.id = t.comment_id WHERE c.text LIKE '"
            + textLike.replace("'", "''")
            + "' ORDER BY t.id LIMIT 1");
  }

  /** A comms item with a reply draft and no press contact, from the demo feed. */
  long replyableItem() {
    return db.count(
        """
        SELECT t.id FROM triage_item t JOIN classification cl ON cl.comment_id = t.comment_id
         WHERE t.reply_draft IS NOT NULL AND 'COMMS' = ANY(t.queues)
           AND NOT ('press_contact' = ANY(cl.labels))
           AND NOT EXISTS (SELECT 1 FROM media_enquiry m WHERE m.comment_id = t.comment_id)
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'reply:' || t.id)
         ORDER BY t.id LIMIT 1
        """);
  }

  @Override
  public void close() {
    server.close();
  }
}
