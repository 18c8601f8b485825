package dev.trafficstatus.store.jdbi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the store's own Liquibase changelog. It lives at a namespaced classpath path and records
 * itself in tables of its own, so it sits beside a host application's {@code migrations.xml} and
 * {@code DATABASECHANGELOG} in the same database without either seeing the other.
 */
public final class SchemaMigrator {

  /** The changelog, a classpath resource of this jar. */
  public static final String CHANGELOG = "dev/trafficstatus/store/jdbi/migrations.xml";

  /** Where Liquibase records the change sets it applied. */
  public static final String CHANGELOG_TABLE = "status_changelog";

  /** Where Liquibase keeps the lock that serialises concurrent migrations. */
  public static final String CHANGELOG_LOCK_TABLE = "status_changelog_lock";

  /**
   * Scope settings for every run: no usage analytics (a server must not call out to the internet
   * while it migrates, and here it could not), and Liquibase's console output goes to the log.
   */
  private static final Map<String, Object> SCOPE =
      Map.of(
          AnalyticsArgs.ENABLED.getKey(), false,
          Scope.Attr.ui.name(), new LoggerUIService());

  private interface Work<T> {
    T apply(Liquibase liquibase) throws Exception;
  }

  /**
   * Lists change sets not yet applied.
   *
   * @param connection an open connection; left open, in auto-commit mode
   * @return their ids, in changelog order
   * @throws Exception when Liquibase or the database fails
   */
  public List<String> pending(Connection connection) throws Exception {
    return run(connection, liquibase -> ids(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())));
  }

  /**
   * Applies the change sets not yet applied.
   *
   * @param connection an open connection; left open, in auto-commit mode
   * @return the ids of the change sets applied now
   * @throws Exception when Liquibase or the database fails
   */
  public List<String> migrate(Connection connection) throws Exception {
    return run(
        connection,
        liquibase -> {
          List<String> pending =
              ids(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()));
          if (!pending.isEmpty()) {
            liquibase.update(new Contexts(), new LabelExpression());
          }
          return pending;
        });
  }

  private static List<String> ids(List<ChangeSet> changeSets) {
    return changeSets.stream().map(ChangeSet::getId).toList();
  }

  private static <T> T run(Connection connection, Work<T> work) throws Exception {
    try {
      return Scope.child(
          SCOPE,
          () -> {
            Database database =
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            database.setDatabaseChangeLogLockTableName(CHANGELOG_LOCK_TABLE);
            // Not closed: that would close the connection, which belongs to the caller.
            Liquibase liquibase =
                new Liquibase(
                    CHANGELOG,
                    new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
                    database);
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            return work.apply(liquibase);
          });
    } finally {
      restoreAutoCommit(connection);
    }
  }

  /** Liquibase leaves auto-commit off; the pool hands connections out with it on. */
  private static void restoreAutoCommit(Connection connection) throws SQLException {
    if (!connection.isClosed() && !connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }
}
