package dev.trafficstatus.store.jdbi.internal;

import java.util.List;

/**
 * The statements of instances and deploys: standard SQL that H2 and PostgreSQL both run. Each
 * instance's row is written by its own process only, one report at a time, so an update that
 * finds no row can insert it without an upsert; deploys are shared rows, and {@link Instances}
 * retries the rare insert that another process made at the same moment.
 */
public final class InstanceDao {

  private static final String UPDATE =
      """
      UPDATE status_instances SET
        service = :service, host = :host, version = :version, started_at = :startedAt,
        last_flush_at = :lastFlushAt, stopped_at = :stoppedAt, last_seen_at = :lastSeenAt
      WHERE instance = :instance
      """;

  private static final String INSERT =
      """
      INSERT INTO status_instances
        (instance, service, host, version, started_at, last_flush_at, stopped_at, last_seen_at)
      VALUES
        (:instance, :service, :host, :version, :startedAt, :lastFlushAt, :stoppedAt, :lastSeenAt)
      """;

  private static final String COUNT_DEPLOYED =
      """
      UPDATE status_deploys SET
        instances = instances
          + CASE WHEN first_at / 86400000000 = CAST(:startedAt AS BIGINT) / 86400000000 THEN 1 ELSE 0 END,
        first_at = CASE WHEN first_at > :startedAt THEN :startedAt ELSE first_at END
      WHERE service = :service AND version = :version
      """;

  private static final String INSERT_DEPLOY =
      """
      INSERT INTO status_deploys (service, version, first_at, instances)
      VALUES (:service, :version, :startedAt, 1)
      """;

  private static final String HEARD_FROM_SINCE =
      """
      SELECT instance, service, host, version, started_at, last_flush_at, stopped_at, last_seen_at
      FROM status_instances
      WHERE last_seen_at >= :since
      ORDER BY started_at DESC, instance
      LIMIT :limit
      """;

  private static final String DEPLOYS_BETWEEN =
      """
      SELECT service, version, first_at, instances
      FROM status_deploys
      WHERE first_at >= :from AND first_at < :to
      ORDER BY first_at, service, version
      """;

  private static final String DELETE_NOT_SEEN_SINCE = "DELETE FROM status_instances WHERE last_seen_at < :before";

  private static final String DELETE_DEPLOYS_BEFORE = "DELETE FROM status_deploys WHERE first_at < :before";

  private static final RowMapper<InstanceRow> INSTANCE_ROWS = RowMapper.ofRecord(InstanceRow.class);
  private static final RowMapper<DeployRow> DEPLOY_ROWS = RowMapper.ofRecord(DeployRow.class);

  private final Session session;

  /**
   * @param session the session the statements run on
   */
  public InstanceDao(Session session) {
    this.session = session;
  }

  /**
   * Replaces an instance's row.
   *
   * @param row the row
   * @return 1 when the row was there, 0 when not
   */
  public int update(InstanceRow row) {
    return session.createUpdate(UPDATE).bindRecord(row).execute();
  }

  /**
   * Inserts an instance's row; fails with a unique violation when it is there.
   *
   * @param row the row
   */
  public void insert(InstanceRow row) {
    session.createUpdate(INSERT).bindRecord(row).execute();
  }

  /**
   * Counts an instance started with a version already deployed: one more for the deploy's day,
   * none on a later day; an instance that started before the deploy's first (clocks differ between
   * hosts) moves the deploy back to it.
   *
   * @param row the instance's row
   * @return 1 when the version was deployed before, 0 when not
   */
  public int countDeployed(InstanceRow row) {
    return session.createUpdate(COUNT_DEPLOYED).bindRecord(row).execute();
  }

  /**
   * Records the deploy of a version no instance of its service ran before; fails with a unique
   * violation when another process recorded it at the same moment.
   *
   * @param row the first instance's row
   */
  public void insertDeploy(InstanceRow row) {
    session.createUpdate(INSERT_DEPLOY).bindRecord(row).execute();
  }

  /**
   * The instances heard from at or after a moment, the most recently started first.
   *
   * @param since epoch microseconds
   * @param limit how many at most
   * @return the rows
   */
  public List<InstanceRow> heardFromSince(long since, int limit) {
    return session
        .createQuery(HEARD_FROM_SINCE)
        .bind("since", since)
        .bind("limit", limit)
        .map(INSTANCE_ROWS)
        .list();
  }

  /**
   * The deploys within a time range, oldest first.
   *
   * @param from epoch microseconds, inclusive
   * @param to epoch microseconds, exclusive
   * @return the rows
   */
  public List<DeployRow> deploysBetween(long from, long to) {
    return session.createQuery(DEPLOYS_BETWEEN).bind("from", from).bind("to", to).map(DEPLOY_ROWS).list();
  }

  /**
   * Deletes instances not heard from since a moment.
   *
   * @param before epoch microseconds
   * @return how many were deleted
   */
  public int deleteNotSeenSince(long before) {
    return session.createUpdate(DELETE_NOT_SEEN_SINCE).bind("before", before).execute();
  }

  /**
   * Deletes deploys made before a moment.
   *
   * @param before epoch microseconds
   * @return how many were deleted
   */
  public int deleteDeploysBefore(long before) {
    return session.createUpdate(DELETE_DEPLOYS_BEFORE).bind("before", before).execute();
  }
}
