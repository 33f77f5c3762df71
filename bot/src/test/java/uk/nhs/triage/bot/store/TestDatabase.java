package uk.nhs.triage.bot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for tests, with a fresh, migrated database per test class:
 *
 * <pre>{@code @RegisterExtension static final TestDatabase DB = new TestDatabase();}</pre>
 *
 * <p>Uses the server named by {@code TRIAGE_TEST_DB_URL} (with {@code TRIAGE_TEST_DB_USER} and
 * {@code TRIAGE_TEST_DB_PASSWORD}; the user needs CREATEDB and CREATEROLE) when set, else one
 * embedded PostgreSQL started on first use and shared by every test in the JVM.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final boolean migrate;
  private Database database;
  private String name;

  /** A migrated database per test class. */
  public TestDatabase() {
    this(true);
  }

  private TestDatabase(boolean migrate) {
    this.migrate = migrate;
  }

  /** An empty database per test class: no schema until the test migrates it. */
  public static TestDatabase empty() {
    return new TestDatabase(false);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    name = uniqueName(context.getRequiredTestClass().getSimpleName());
    database = create(name);
    if (migrate) {
      database.migrate();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
      drop(name);
    }
  }

  public Database database() {
    return database;
  }

  /** Applies the migrations up to {@code version} only (of an {@link #empty} database). */
  public void migrateTo(String version) {
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  /**
   * A second connection pool on this class's database, as another process sharing it would have;
   * the caller closes it.
   */
  public Database connectAgain() {
    Server server = Server.get();
    return Database.connect(server.urlFor(name), server.user(), server.password());
  }

  /** How a bot process reaches this database: the TRIAGE_DB_* environment variables. */
  public Map<String, String> environment() {
    Server server = Server.get();
    Map<String, String> env = new HashMap<>();
    env.put("TRIAGE_DB_URL", server.urlFor(name));
    env.put("TRIAGE_DB_USER", server.user());
    if (server.password() != null) {
      env.put("TRIAGE_DB_PASSWORD", server.password());
    }
    return env;
  }

  public Jdbi jdbi() {
    return database.jdbi();
  }

  public TriageStore store() {
    return new TriageStore(jdbi(), mapper());
  }

  /** The single number a query returns, e.g. a count. */
  public long count(String sql) {
    return jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** The first column of every row a query returns, as text. */
  public List<String> strings(String sql) {
    return jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule());
  }

  /** A new, empty database on the test server; the caller closes it. */
  public static Database create(String name) {
    Server server = Server.get();
    server.execute("CREATE DATABASE " + name);
    return Database.connect(server.urlFor(name), server.user(), server.password());
  }

  private static void drop(String name) {
    Server.get().execute("DROP DATABASE IF EXISTS " + name);
  }

  private static String uniqueName(String hint) {
    String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    if (cleaned.length() > 30) {
      cleaned = cleaned.substring(0, 30);
    }
    return "t_%s_%d_%d"
        .formatted(cleaned, ProcessHandle.current().pid(), DATABASES.incrementAndGet());
  }

  /** Where test databases are created: an external server, or the shared embedded one. */
  private record Server(String adminUrl, String user, String password) {

    private static Server instance;

    static synchronized Server get() {
      if (instance == null) {
        instance = fromEnvironment();
      }
      return instance;
    }

    private static Server fromEnvironment() {
      String url = System.getenv("TRIAGE_TEST_DB_URL");
      if (url != null && !url.isBlank()) {
        return new Server(
            url, System.getenv("TRIAGE_TEST_DB_USER"), System.getenv("TRIAGE_TEST_DB_PASSWORD"));
      }
      try {
        EmbeddedPostgres embedded = EmbeddedPostgres.start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        embedded.close();
                      } catch (IOException e) {
                        System.err.println("embedded PostgreSQL did not stop: " + e);
                      }
                    }));
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
      }
    }

    /** The admin URL with its database name replaced. */
    String urlFor(String database) {
      int query = adminUrl.indexOf('?');
      String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
      String params = query < 0 ? "" : adminUrl.substring(query);
      return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    void execute(String sql) {
      try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("test database server: " + sql + ": " + e.getMessage(), e);
      }
    }
  }
}
