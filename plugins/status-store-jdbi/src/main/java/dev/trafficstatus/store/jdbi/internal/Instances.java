package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StoredInstance;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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

  /** SQLState of a unique violation, in PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** Reports that lost a race for a deploy's row are tried again. */
  private static final int TRIES = 3;

  private final Jdbi jdbi;

  /**
   * @param jdbi the store's database, with the SQL object plugin
   */
  public Instances(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void report(StoredInstance instance) {
    InstanceRow row = InstanceRow.of(instance);
    for (int tried = 1; ; tried++) {
      try {
        reportOnce(row);
        return;
      } catch (UnableToExecuteStatementException raced) {
        if (tried >= TRIES || !uniqueViolation(raced)) {
          throw raced;
        }
      }
    }
  }

  private void reportOnce(InstanceRow row) {
    jdbi.useTransaction(
        handle -> {
          InstanceDao dao = handle.attach(InstanceDao.class);
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
    return jdbi.withHandle(
        handle ->
            handle.attach(InstanceDao.class).heardFromSince(UtcPeriods.micros(since), limit).stream()
                .map(InstanceRow::toInstance)
                .toList());
  }

  @Override
  public List<Deploy> deploys(Instant from, Instant to) {
    return jdbi.withHandle(
        handle ->
            handle.attach(InstanceDao.class)
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
    return jdbi.inTransaction(
        handle -> {
          InstanceDao dao = handle.attach(InstanceDao.class);
          return dao.deleteNotSeenSince(UtcPeriods.micros(now.minus(retention.minutes())))
              + dao.deleteDeploysBefore(UtcPeriods.micros(now.minus(retention.days())));
        });
  }

  private static boolean uniqueViolation(UnableToExecuteStatementException failure) {
    return failure.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }
}
