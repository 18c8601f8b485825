package dev.trafficstatus.store.jdbi.internal;

/** PostgreSQL's statements: {@code INSERT … ON CONFLICT}, and session advisory locks. */
final class PostgresStatements extends DialectStatements {

  private static final String DECLARE_ROUTES =
      """
      INSERT INTO status_routes AS t (service, rule, name, doc, grp, hidden, edited, restricted)
      VALUES (:service, :rule, :name, :doc, :grp, FALSE, FALSE, :restricted)
      ON CONFLICT (service, rule) DO UPDATE SET
        grp = CASE WHEN t.hidden THEN t.grp ELSE EXCLUDED.grp END,
        name = CASE WHEN t.hidden OR t.edited THEN t.name ELSE EXCLUDED.name END,
        doc = CASE WHEN t.hidden OR t.edited THEN t.doc ELSE EXCLUDED.doc END,
        restricted = EXCLUDED.restricted
      """;

  private static final String INSERT_ABSENT_ROUTES =
      """
      INSERT INTO status_routes (service, rule, name, doc, grp, hidden, edited, restricted)
      VALUES (:service, :rule, :name, :doc, :grp, FALSE, FALSE, :restricted) ON CONFLICT DO NOTHING
      """;

  private static final String UPSERT_MINUTES =
      """
      INSERT INTO status_minutes AS t
        (route_id, epoch_minute, instance, total, success, failure, ignored, max_latency_micros,
         histogram)
      SELECT r.id, :minute, :instance, :total, :success, :failure, :ignored, :maxLatencyMicros,
             :histogram
      FROM status_routes r
      WHERE r.id = :routeId AND NOT r.hidden AND r.counts_from <= :minute
      ON CONFLICT (route_id, epoch_minute, instance) DO UPDATE SET
        total = EXCLUDED.total, success = EXCLUDED.success, failure = EXCLUDED.failure,
        ignored = EXCLUDED.ignored, max_latency_micros = EXCLUDED.max_latency_micros,
        histogram = EXCLUDED.histogram
      """;

  private static final String MARK_WRITTEN =
      """
      INSERT INTO status_hour_writes AS t (epoch_hour, instance, version)
      VALUES (:epochHour, :instance, 1)
      ON CONFLICT (epoch_hour, instance) DO UPDATE SET version = t.version + 1
      """;

  private static final String REOPEN_DAYS =
      """
      INSERT INTO status_day_state AS t (epoch_day, rolled_up, pruned, version)
      VALUES (:day, FALSE, FALSE, 1)
      ON CONFLICT (epoch_day) DO UPDATE SET rolled_up = FALSE, version = t.version + 1
      """;

  private static final Texts TEXTS =
      new Texts(
          DECLARE_ROUTES,
          INSERT_ABSENT_ROUTES,
          UPSERT_MINUTES,
          MARK_WRITTEN,
          REOPEN_DAYS,
          OutboxDao.CREATE_DELIVERIES + " ON CONFLICT (event_seq, receiver) DO NOTHING");

  /**
   * @param session the session the statements run on
   */
  PostgresStatements(Session session) {
    super(session, TEXTS);
  }

  // Session locks, not transaction locks: maintenance commits hour by hour while holding one,
  // and a session that dies (a process killed while migrating) releases its locks with it.
  @Override
  public boolean lock(long key) {
    return session
        .createQuery("SELECT COUNT(*) > 0 FROM (SELECT pg_advisory_lock(:key)) AS taken")
        .bind("key", key)
        .mapTo(boolean.class)
        .one();
  }

  @Override
  public boolean tryLock(long key) {
    return session
        .createQuery("SELECT pg_try_advisory_lock(:key)")
        .bind("key", key)
        .mapTo(boolean.class)
        .one();
  }

  @Override
  public boolean unlock(long key) {
    return session
        .createQuery("SELECT pg_advisory_unlock(:key)")
        .bind("key", key)
        .mapTo(boolean.class)
        .one();
  }
}
