package dev.trafficstatus.store.jdbi.internal;

/** H2's statements: {@code MERGE … USING}, and no database lock (one process per file). */
final class H2Statements extends DialectStatements {

  private static final String DECLARE_ROUTES =
      """
      MERGE INTO status_routes t
      USING (VALUES (CAST(:service AS VARCHAR), CAST(:rule AS VARCHAR), CAST(:name AS VARCHAR),
                     CAST(:doc AS VARCHAR), CAST(:grp AS VARCHAR), CAST(:restricted AS BOOLEAN)))
        AS s (service, rule, name, doc, grp, restricted)
      ON t.service = s.service AND t.rule = s.rule
      WHEN MATCHED AND NOT t.hidden THEN UPDATE SET
        grp = s.grp,
        name = CASE WHEN t.edited THEN t.name ELSE s.name END,
        doc = CASE WHEN t.edited THEN t.doc ELSE s.doc END,
        restricted = s.restricted
      WHEN MATCHED THEN UPDATE SET restricted = s.restricted
      WHEN NOT MATCHED THEN
        INSERT (service, rule, name, doc, grp, hidden, edited, restricted)
        VALUES (s.service, s.rule, s.name, s.doc, s.grp, FALSE, FALSE, s.restricted)
      """;

  private static final String INSERT_ABSENT_ROUTES =
      """
      INSERT INTO status_routes (service, rule, name, doc, grp, hidden, edited, restricted)
      SELECT CAST(:service AS VARCHAR), CAST(:rule AS VARCHAR), CAST(:name AS VARCHAR),
             CAST(:doc AS VARCHAR), CAST(:grp AS VARCHAR), FALSE, FALSE, CAST(:restricted AS BOOLEAN)
      WHERE NOT EXISTS (SELECT 1 FROM status_routes WHERE service = :service AND rule = :rule)
      """;

  private static final String UPSERT_MINUTES =
      """
      MERGE INTO status_minutes t
      USING (
        SELECT r.id AS route_id,
               CAST(:minute AS BIGINT) AS epoch_minute,
               CAST(:instance AS VARCHAR) AS instance,
               CAST(:total AS BIGINT) AS total,
               CAST(:success AS BIGINT) AS success,
               CAST(:failure AS BIGINT) AS failure,
               CAST(:ignored AS BIGINT) AS ignored,
               CAST(:maxLatencyMicros AS BIGINT) AS max_latency_micros,
               CAST(:histogram AS VARBINARY) AS histogram
        FROM status_routes r
        WHERE r.id = :routeId AND NOT r.hidden AND r.counts_from <= CAST(:minute AS BIGINT)) s
      ON t.route_id = s.route_id AND t.epoch_minute = s.epoch_minute AND t.instance = s.instance
      WHEN MATCHED THEN UPDATE SET
        total = s.total, success = s.success, failure = s.failure, ignored = s.ignored,
        max_latency_micros = s.max_latency_micros, histogram = s.histogram
      WHEN NOT MATCHED THEN
        INSERT (route_id, epoch_minute, instance, total, success, failure, ignored,
                max_latency_micros, histogram)
        VALUES (s.route_id, s.epoch_minute, s.instance, s.total, s.success, s.failure, s.ignored,
                s.max_latency_micros, s.histogram)
      """;

  private static final String MARK_WRITTEN =
      """
      MERGE INTO status_hour_writes t
      USING (VALUES (CAST(:epochHour AS BIGINT), CAST(:instance AS VARCHAR)))
        AS s (epoch_hour, instance)
      ON t.epoch_hour = s.epoch_hour AND t.instance = s.instance
      WHEN MATCHED THEN UPDATE SET version = t.version + 1
      WHEN NOT MATCHED THEN
        INSERT (epoch_hour, instance, version) VALUES (s.epoch_hour, s.instance, 1)
      """;

  private static final String REOPEN_DAYS =
      """
      MERGE INTO status_day_state t
      USING (VALUES (CAST(:day AS BIGINT))) AS s (epoch_day)
      ON t.epoch_day = s.epoch_day
      WHEN MATCHED THEN UPDATE SET rolled_up = FALSE, version = t.version + 1
      WHEN NOT MATCHED THEN
        INSERT (epoch_day, rolled_up, pruned, version) VALUES (s.epoch_day, FALSE, FALSE, 1)
      """;

  // Two claims at once (in one process) may both insert a row: the second fails with a unique
  // violation, and the outbox claims again (H2 has no ON CONFLICT).
  private static final Texts TEXTS =
      new Texts(
          DECLARE_ROUTES,
          INSERT_ABSENT_ROUTES,
          UPSERT_MINUTES,
          MARK_WRITTEN,
          REOPEN_DAYS,
          OutboxDao.CREATE_DELIVERIES);

  /**
   * @param session the session the statements run on
   */
  H2Statements(Session session) {
    super(session, TEXTS);
  }

  /** None: the file is this process's alone, and the caller locks within the process. */
  @Override
  public boolean lock(long key) {
    return false;
  }

  /** Always free: the file is this process's alone, and the caller locks within the process. */
  @Override
  public boolean tryLock(long key) {
    return true;
  }

  @Override
  public boolean unlock(long key) {
    return true;
  }
}
