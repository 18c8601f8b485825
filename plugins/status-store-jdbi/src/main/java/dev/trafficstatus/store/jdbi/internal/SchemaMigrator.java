package dev.trafficstatus.store.jdbi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Three things make it safe and cheap for many processes starting at once:
 *
 * <ul>
 *   <li>When the changelog table already lists every change set of this jar, Liquibase is not run
 *       at all (it costs about a CPU-second to initialise): a query of a few rows decides. No
 *       Liquibase class is initialised then (the JVM's verifier of this class loads three of its
 *       interfaces, nothing more), and the changelog is read, as text, only when the store first
 *       starts, on the store's own thread.
 *   <li>On PostgreSQL the whole migration, Liquibase's look at its own tables included, runs under
 *       a session advisory lock: two processes starting on a fresh database no longer both try to
 *       create the changelog table. The wait for it is bounded.
 *   <li>Under that lock no other migrator of these tables can be running, so a Liquibase lock row
 *       found set was left by a process that died while migrating (its session, and with it the
 *       advisory lock, ended with it): it is released instead of making every later start wait
 *       five minutes and fail. The same holds on an H2 file, which one process opens at a time.
 * </ul>
 */
public final class SchemaMigrator {

  /** The changelog, a classpath resource of this jar. */
  public static final String CHANGELOG = "dev/trafficstatus/store/jdbi/migrations.xml";

  /** Where Liquibase records the change sets it applied. */
  public static final String CHANGELOG_TABLE = "status_changelog";

  /** Per embedded H2 database of this process, the lock of its migrations (see {@link #ownFile}). */
  private static final Map<String, ReentrantLock> MIGRATING = new ConcurrentHashMap<>();

  /** Where Liquibase keeps the lock that serialises concurrent migrations. */
  public static final String CHANGELOG_LOCK_TABLE = "status_changelog_lock";

  /** The advisory lock key of migrations, for every process sharing the database: "tsschema". */
  public static final long LOCK_KEY = 0x7473_7363_6865_6d61L;

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern CHANGE_SET = Pattern.compile("<changeSet\\s([^>]*)>");
  private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern AUTHOR = Pattern.compile("\\bauthor\\s*=\\s*\"([^\"]*)\"");

  private interface Work<T> {
    T apply(Liquibase liquibase) throws Exception;
  }

  private final Duration lockWait;
  // Read at the first check, not when the store is built on the host's main thread.
  private volatile Set<String> changeSets;

  /**
   * @param lockWait how long to wait for another process's migration before giving up
   */
  public SchemaMigrator(Duration lockWait) {
    this.lockWait = lockWait;
  }

  /**
   * Lists change sets not yet applied.
   *
   * @param session an open session; its connection is left open, in auto-commit mode
   * @param dialect the database's dialect
   * @return their ids, in changelog order
   * @throws Exception when Liquibase or the database fails
   */
  public List<String> pending(Session session, Dialect dialect) throws Exception {
    if (isCurrent(session.connection())) {
      return List.of();
    }
    return serialised(
        session, dialect, liquibase -> ids(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())));
  }

  /**
   * Applies the change sets not yet applied.
   *
   * @param session an open session; its connection is left open, in auto-commit mode
   * @param dialect the database's dialect
   * @return the ids of the change sets applied now
   * @throws Exception when Liquibase or the database fails
   */
  public List<String> migrate(Session session, Dialect dialect) throws Exception {
    if (isCurrent(session.connection())) {
      return List.of();
    }
    return serialised(
        session,
        dialect,
        liquibase -> {
          List<String> pending = ids(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()));
          if (!pending.isEmpty()) {
            liquibase.update(new Contexts(), new LabelExpression());
          }
          return pending;
        });
  }

  /**
   * Whether the changelog table lists every change set of this jar, read without Liquibase.
   *
   * @param connection an open connection
   * @return false when a change set is missing, or the table is
   * @throws SQLException when the database fails
   */
  boolean isCurrent(Connection connection) throws SQLException {
    if (!tableExists(connection, CHANGELOG_TABLE)) {
      return false;
    }
    Set<String> applied = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, author FROM " + CHANGELOG_TABLE)) {
      while (rows.next()) {
        applied.add(rows.getString(1) + "/" + rows.getString(2));
      }
    }
    return applied.containsAll(changeSets());
  }

  private Set<String> changeSets() {
    Set<String> known = changeSets;
    if (known == null) {
      known = changeSetsOfThisJar();
      changeSets = known;
    }
    return known;
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    // Unquoted names: H2 keeps them upper case, PostgreSQL lower case.
    for (String name : Set.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Runs Liquibase under the database's migration lock, if it has one, each statement (the wait
   * for the lock included) bounded by the migration timeout.
   */
  private <T> T serialised(Session session, Dialect dialect, Work<T> work) throws Exception {
    return LongWork.run(
        session,
        dialect,
        lockWait,
        locking -> {
          Dialect.Statements statements = dialect.statements(locking);
          boolean locked;
          try {
            locked = statements.lock(LOCK_KEY);
          } catch (RuntimeException waited) {
            // Not its cause: the store's message would then be the database's "canceling statement".
            IllegalStateException stuck =
                new IllegalStateException(
                    "waited "
                        + lockWait.toSeconds()
                        + " s (store.timeouts.migration) for another process's migration of the"
                        + " status tables, which did not end");
            stuck.addSuppressed(waited);
            throw stuck;
          }
          ReentrantLock here = locked ? null : ownFile(locking.connection());
          try {
            if (here != null && !here.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS)) {
              throw new IllegalStateException("waited " + lockWait.toSeconds() + " s (store.timeouts.migration)"
                  + " for another migration of the status tables in this process, which did not end");
            }
            boolean alone = locked || here != null;
            return run(
                locking.connection(),
                liquibase -> {
                  if (alone) {
                    // No other migrator runs now: a Liquibase lock still set was left by a dead one.
                    liquibase.forceReleaseLocks();
                  }
                  return work.apply(liquibase);
                });
          } finally {
            if (locked) {
              statements.unlock(LOCK_KEY);
            }
            if (here != null && here.isHeldByCurrentThread()) {
              here.unlock();
            }
          }
        });
  }

  /**
   * For an H2 database this process alone opens (an embedded file, which H2 locks, or memory; no
   * server mode), the lock of its migrations in this process: held, no other migrator can be
   * running, so a Liquibase lock found set was left by a process that died while migrating. Null
   * for any other database.
   */
  private static ReentrantLock ownFile(Connection connection) throws SQLException {
    String url = connection.getMetaData().getURL();
    String upper = url.toUpperCase(Locale.ROOT);
    boolean embedded = upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:TCP:")
        && !upper.startsWith("JDBC:H2:SSL:") && !upper.contains("AUTO_SERVER=TRUE");
    if (!embedded) {
      return null;
    }
    int settings = url.indexOf(';');
    return MIGRATING.computeIfAbsent(settings < 0 ? url : url.substring(0, settings), key -> new ReentrantLock());
  }

  private static List<String> ids(List<ChangeSet> changeSets) {
    return changeSets.stream().map(ChangeSet::getId).toList();
  }

  private static <T> T run(Connection connection, Work<T> work) throws Exception {
    try {
      // No usage analytics (a server must not call out to the internet while it migrates, and
      // here it could not); Liquibase's console output goes to the log. Built here, not in a
      // static field, so a start on a current schema initialises no Liquibase class.
      Map<String, Object> scope =
          Map.of(
              AnalyticsArgs.ENABLED.getKey(), false,
              Scope.Attr.ui.name(), new LoggerUIService());
      return Scope.child(
          scope,
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

  /** The "id/author" of every change set of the changelog in this jar. */
  private static Set<String> changeSetsOfThisJar() {
    try (InputStream xml = SchemaMigrator.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
      if (xml == null) {
        throw new IllegalStateException("the store's changelog " + CHANGELOG + " is not on the class path");
      }
      return changeSetsIn(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the store's changelog " + CHANGELOG, e);
    }
  }

  /**
   * The "id/author" of every change set of a changelog, read from its text. Not with an XML
   * parser: the JDK's costs a start on a current schema about 90 classes (issue 23), and the
   * changelog is this jar's own, whose change set tags carry both attributes in double quotes.
   * SchemaMigratorTest holds what this reads against what an XML parser reads.
   *
   * @param xml the changelog's text
   * @return the change sets' "id/author"
   * @throws IllegalStateException when a change set lacks its id or author, or there is none
   */
  static Set<String> changeSetsIn(String xml) {
    Set<String> found = new HashSet<>();
    Matcher tag = CHANGE_SET.matcher(COMMENT.matcher(xml).replaceAll(""));
    while (tag.find()) {
      Matcher id = ID.matcher(tag.group(1));
      Matcher author = AUTHOR.matcher(tag.group(1));
      if (!id.find() || !author.find()) {
        throw new IllegalStateException(
            "the store's changelog " + CHANGELOG + " has a change set without id or author: <changeSet "
                + tag.group(1) + ">");
      }
      found.add(id.group(1) + "/" + author.group(1));
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("the store's changelog " + CHANGELOG + " has no change sets");
    }
    return Set.copyOf(found);
  }
}
