package dev.trafficstatus.store.jdbi.testing;

import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** A database with only the first change sets of the store applied, as an older version left it. */
public final class OlderSchema {

  private OlderSchema() {}

  /**
   * Applies the store's first change sets to a database.
   *
   * @param database the database
   * @param changeSets how many
   * @throws Exception when Liquibase fails
   */
  public static void apply(DataSourceFactory database, int changeSets) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword())) {
      Database target =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      target.setDatabaseChangeLogTableName(SchemaMigrator.CHANGELOG_TABLE);
      target.setDatabaseChangeLogLockTableName(SchemaMigrator.CHANGELOG_LOCK_TABLE);
      Liquibase liquibase = new Liquibase(SchemaMigrator.CHANGELOG, new ClassLoaderResourceAccessor(), target);
      liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
      liquibase.update(changeSets, new Contexts(), new LabelExpression());
    }
  }
}
