package uk.nhs.triage.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's PostgreSQL: a connection pool, the schema migrations, and Jdbi on top. Either an
 * external server ({@link #connect}) or one the bot runs itself ({@link #embedded}).
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final String EMBEDDED_USER = "postgres";
  private static final String EMBEDDED_DATABASE = "postgres";

  private final HikariDataSource pool;
  private final EmbeddedPostgres embeddedServer;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool, EmbeddedPostgres embeddedServer) {
    this.pool = pool;
    this.embeddedServer = embeddedServer;
    this.jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
  }

  /** Connects to a PostgreSQL server the operator runs. */
  public static Database connect(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    try {
      return new Database(pool(url, user, password), null);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailableException(
          "Cannot connect to PostgreSQL at "
              + JdbcUrls.withoutSecrets(url)
              + " as user '"
              + user
              + "': "
              + rootMessage(e)
              + ". Check TRIAGE_DB_URL, TRIAGE_DB_USER and TRIAGE_DB_PASSWORD, or unset"
              + " TRIAGE_DB_URL to use the embedded PostgreSQL.",
          e);
    }
  }

  /**
   * The server named by {@code TRIAGE_DB_URL} (with {@code TRIAGE_DB_USER}, {@code
   * TRIAGE_DB_PASSWORD}) when that is set, else an embedded one keeping its files in {@code
   * embeddedDataDir}.
   *
   * @param env the environment, normally {@code System.getenv()}
   */
  public static Database fromEnvironment(Map<String, String> env, Path embeddedDataDir) {
    String url = env.get("TRIAGE_DB_URL");
    if (url == null || url.isBlank()) {
      return embedded(embeddedDataDir);
    }
    return connect(url.strip(), env.get("TRIAGE_DB_USER"), env.get("TRIAGE_DB_PASSWORD"));
  }

  /**
   * Starts a PostgreSQL server of the bot's own, keeping its files in {@code dataDir} (a temporary
   * folder, deleted on close, when null).
   *
   * @throws DatabaseUnavailableException when the server cannot start
   */
  public static Database embedded(Path dataDir) {
    if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new DatabaseUnavailableException(
          "Cannot start the embedded PostgreSQL: its data directory "
              + dataDir
              + " is a file, not a folder. Choose another data directory. "
              + DatabaseUnavailableException.HOW_TO_POINT_ELSEWHERE,
          null);
    }
    EmbeddedPostgres server;
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30));
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
      }
      server = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new DatabaseUnavailableException(
          "Cannot start the embedded PostgreSQL"
              + (dataDir == null ? "" : " in " + dataDir)
              + ": "
              + rootMessage(e)
              + ". "
              + DatabaseUnavailableException.HOW_TO_POINT_ELSEWHERE,
          e);
    }
    LOG.info("Embedded PostgreSQL started on port {}", server.getPort());
    try {
      HikariDataSource pool =
          pool(server.getJdbcUrl(EMBEDDED_USER, EMBEDDED_DATABASE), EMBEDDED_USER, null);
      return new Database(pool, server);
    } catch (RuntimeException e) {
      closeQuietly(server);
      throw new DatabaseUnavailableException(
          "The embedded PostgreSQL started but refuses connections: "
              + rootMessage(e)
              + ". "
              + DatabaseUnavailableException.HOW_TO_POINT_ELSEWHERE,
          e);
    }
  }

  /** Brings the schema up to date with the migrations under {@code db/migration}. */
  public void migrate() {
    var result =
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "Database schema migrated to version {} ({} migrations)",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
    if (embeddedServer != null) {
      closeQuietly(embeddedServer);
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("triage-db");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(5);
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    config.setValidationTimeout(Duration.ofSeconds(5).toMillis());
    config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
    config.setKeepaliveTime(Duration.ofMinutes(5).toMillis());
    // A dead server must not hang a poll forever.
    config.addDataSourceProperty("connectTimeout", "10");
    config.addDataSourceProperty("socketTimeout", "300");
    config.addDataSourceProperty("ApplicationName", "triage-bot");
    return new HikariDataSource(config);
  }

  private static void closeQuietly(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /**
   * The first database error in the chain (it names host and port), else the root cause, without a
   * closing full stop since the caller's sentence goes on.
   */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    Throwable database = null;
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (database == null && t instanceof SQLException) {
        database = t;
      }
      root = t;
    }
    Throwable chosen = database != null ? database : root;
    String message = chosen.getMessage();
    message =
        message == null || message.isBlank() ? chosen.getClass().getSimpleName() : message.strip();
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }
}
