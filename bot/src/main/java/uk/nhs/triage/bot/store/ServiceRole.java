package uk.nhs.triage.bot.store;

import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The least the running service needs from PostgreSQL, granted to a role of its own so that the
 * schema's owner (who runs {@code migrate}) and the service are different roles. The service may
 * read and write its tables but may only add to the audit log: no UPDATE, DELETE or TRUNCATE on it,
 * and, not owning it, it cannot disable the append-only trigger either. It may read the migration
 * history (the service checks the schema is current at start-up) but not change it.
 */
public final class ServiceRole {
  private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private ServiceRole() {}

  /**
   * Grants the service's privileges on every table and sequence of the current schema to {@code
   * role}; run again after each migration (new tables). The role must already exist.
   */
  public static void grant(Jdbi jdbi, String role) {
    if (!ROLE_NAME.matcher(role).matches()) {
      throw new IllegalArgumentException(
          "service role '"
              + role
              + "': use lower-case letters, digits and _ (a PostgreSQL name, unquoted)");
    }
    jdbi.useTransaction(
        h -> {
          boolean exists =
              h.createQuery("SELECT count(*) > 0 FROM pg_roles WHERE rolname = :role")
                  .bind("role", role)
                  .mapTo(Boolean.class)
                  .one();
          if (!exists) {
            throw new IllegalArgumentException(
                "service role '"
                    + role
                    + "' does not exist; create it first, e.g. CREATE ROLE "
                    + role
                    + " LOGIN PASSWORD '...'");
          }
          String schema = h.createQuery("SELECT current_schema()").mapTo(String.class).one();
          String on = " IN SCHEMA \"" + schema + "\" ";
          h.execute("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + role);
          h.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES" + on + "TO " + role);
          h.execute("GRANT USAGE, SELECT ON ALL SEQUENCES" + on + "TO " + role);
          h.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM " + role);
          h.execute(
              "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM " + role);
        });
  }
}
