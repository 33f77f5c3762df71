package uk.nhs.triage.bot.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lets Quartz's job store use the bot's own connection pool. */
public final class DataSourceConnectionProvider implements ConnectionProvider {
  private static DataSource dataSource;

  static synchronized void use(DataSource source) {
    dataSource = source;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // The pool belongs to the bot, which closes it.
  }

  @Override
  public void initialize() {
    // Nothing to set up: the pool is already running.
  }
}
