package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of instances and deploys: standard SQL that H2 and PostgreSQL both run. Each
 * instance's row is written by its own process only, one report at a time, so an update that
 * finds no row can insert it without an upsert; deploys are shared rows, and {@link Instances}
 * retries the rare insert that another process made at the same moment.
 */
@RegisterConstructorMapper(InstanceRow.class)
@RegisterConstructorMapper(DeployRow.class)
public interface InstanceDao {

  /**
   * Replaces an instance's row.
   *
   * @param row the row
   * @return 1 when the row was there, 0 when not
   */
  @SqlUpdate(
      """
      UPDATE status_instances SET
        service = :service, host = :host, version = :version, started_at = :startedAt,
        last_flush_at = :lastFlushAt, stopped_at = :stoppedAt, last_seen_at = :lastSeenAt
      WHERE instance = :instance
      """)
  int update(@BindMethods InstanceRow row);

  /**
   * Inserts an instance's row; fails with a unique violation when it is there.
   *
   * @param row the row
   */
  @SqlUpdate(
      """
      INSERT INTO status_instances
        (instance, service, host, version, started_at, last_flush_at, stopped_at, last_seen_at)
      VALUES
        (:instance, :service, :host, :version, :startedAt, :lastFlushAt, :stoppedAt, :lastSeenAt)
      """)
  void insert(@BindMethods InstanceRow row);

  /**
   * Counts an instance started with a version already deployed: one more for the deploy's day,
   * none on a later day; an instance that started before the deploy's first (clocks differ between
   * hosts) moves the deploy back to it.
   *
   * @param row the instance's row
   * @return 1 when the version was deployed before, 0 when not
   */
  @SqlUpdate(
      """
      UPDATE status_deploys SET
        instances = instances
          + CASE WHEN first_at / 86400000000 = CAST(:startedAt AS BIGINT) / 86400000000 THEN 1 ELSE 0 END,
        first_at = CASE WHEN first_at > :startedAt THEN :startedAt ELSE first_at END
      WHERE service = :service AND version = :version
      """)
  int countDeployed(@BindMethods InstanceRow row);

  /**
   * Records the deploy of a version no instance of its service ran before; fails with a unique
   * violation when another process recorded it at the same moment.
   *
   * @param row the first instance's row
   */
  @SqlUpdate(
      """
      INSERT INTO status_deploys (service, version, first_at, instances)
      VALUES (:service, :version, :startedAt, 1)
      """)
  void insertDeploy(@BindMethods InstanceRow row);

  /**
   * The instances heard from at or after a moment, the most recently started first.
   *
   * @param since epoch microseconds
   * @param limit how many at most
   * @return the rows
   */
  @SqlQuery(
      """
      SELECT instance, service, host, version, started_at, last_flush_at, stopped_at, last_seen_at
      FROM status_instances
      WHERE last_seen_at >= :since
      ORDER BY started_at DESC, instance
      LIMIT :limit
      """)
  List<InstanceRow> heardFromSince(long since, int limit);

  /**
   * The deploys within a time range, oldest first.
   *
   * @param from epoch microseconds, inclusive
   * @param to epoch microseconds, exclusive
   * @return the rows
   */
  @SqlQuery(
      """
      SELECT service, version, first_at, instances
      FROM status_deploys
      WHERE first_at >= :from AND first_at < :to
      ORDER BY first_at, service, version
      """)
  List<DeployRow> deploysBetween(long from, long to);

  /**
   * Deletes instances not heard from since a moment.
   *
   * @param before epoch microseconds
   * @return how many were deleted
   */
  @SqlUpdate("DELETE FROM status_instances WHERE last_seen_at < :before")
  int deleteNotSeenSince(long before);

  /**
   * Deletes deploys made before a moment.
   *
   * @param before epoch microseconds
   * @return how many were deleted
   */
  @SqlUpdate("DELETE FROM status_deploys WHERE first_at < :before")
  int deleteDeploysBefore(long before);
}
