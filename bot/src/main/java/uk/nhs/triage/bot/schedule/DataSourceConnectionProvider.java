package uk.nhs.triage.bot.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lets Quartz's job store use the bot's own connection pool. */
final class DataSourceConnectionProvider implements ConnectionProvider {
  private final DataSource dataSource;

  DataSourceConnectionProvider(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // The pool belongs to the bot, which closes it after the scheduler has stopped.
  }

  @Override
  public void initialize() {
    // Nothing to set up: the pool is already running.
  }
}
