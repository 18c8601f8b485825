package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Instant;
import java.util.List;

/**
 * The instances writing into the store and the deploys of their versions (change set
 * 12-instances).
 *
 * <p>A report is one update of the instance's own row, which only its process writes: after each
 * flush, nothing else. Its first report inserts the row and, in the same transaction, records the
 * start of its version: the deploy's row is inserted by the first instance of a version and counted
 * up by the others. When another process inserted that row at the same moment, the transaction is
 * tried again and counts up instead.
 */
public final class Instances implements InstanceStore {

  /** Reports that lost a race for a deploy's row are tried again. */
  private static final int TRIES = 3;

  private final Database database;

  /**
   * @param database the store's database
   */
  public Instances(Database database) {
    this.database = database;
  }

  @Override
  public void report(StoredInstance instance) {
    InstanceRow row = InstanceRow.of(instance);
    for (int tried = 1; ; tried++) {
      try {
        reportOnce(row);
        return;
      } catch (SqlFailure raced) {
        if (tried >= TRIES || !raced.isUniqueViolation()) {
          throw raced;
        }
      }
    }
  }

  private void reportOnce(InstanceRow row) {
    database.useTransaction(
        session -> {
          InstanceDao dao = new InstanceDao(session);
          if (dao.update(row) == 1) {
            return;
          }
          dao.insert(row);
          if (row.version() != null && dao.countDeployed(row) == 0) {
            dao.insertDeploy(row);
          }
        });
  }

  @Override
  public List<StoredInstance> instances(Instant since, int limit) {
    if (limit < 1 || limit > MAX_LISTED) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LISTED + ", got " + limit);
    }
    return database.withHandle(
        session ->
            new InstanceDao(session).heardFromSince(UtcPeriods.micros(since), limit).stream()
                .map(InstanceRow::toInstance)
                .toList());
  }

  @Override
  public List<Deploy> deploys(Instant from, Instant to) {
    return database.withHandle(
        session ->
            new InstanceDao(session)
                .deploysBetween(UtcPeriods.micros(from), UtcPeriods.micros(to))
                .stream()
                .map(DeployRow::toDeploy)
                .toList());
  }

  /**
   * Deletes instances not heard from for longer than minute rows are kept, and deploys older than
   * day rows are kept; maintenance runs it.
   *
   * @param now the current time
   * @param retention how long rows are kept
   * @return how many rows were deleted
   */
  public int forget(Instant now, Retention retention) {
    return database.inTransaction(
        session -> {
          InstanceDao dao = new InstanceDao(session);
          return dao.deleteNotSeenSince(UtcPeriods.micros(now.minus(retention.minutes())))
              + dao.deleteDeploysBefore(UtcPeriods.micros(now.minus(retention.days())));
        });
  }
}
