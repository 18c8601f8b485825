package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.Tally;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Rolls closed hours and closed days up from minute rows and deletes rows past retention, in one
 * process at a time.
 *
 * <p>Hour rollups serve the reads of days not rolled up yet (today, above all): such a day is read
 * from its hour rows and the minute rows of its hours not rolled up, never from all its minutes.
 * Hours are claimed through {@link HourState} versions exactly as days are. Hour rows and their
 * bookkeeping stay until the day's minutes are pruned, so a day written to again after its rollup
 * is still read exactly from hours and minutes.
 *
 * <p>Each day is its own short transaction, so writers wait for at most one day's rollup. A day is
 * claimed through its {@link DayState} version: whatever was written to a day after its state was
 * read makes the claim fail, and the day is read from minutes until the next run. Minute rows are
 * deleted by whole days, and only for days that are rolled up; minute rows that arrive for such a
 * pruned day later are folded into its day rows by the next run.
 */
public final class Maintenance {

  /**
   * The PostgreSQL advisory lock key every process of every service sharing the database uses:
   * the bytes of "tstatus!".
   */
  public static final long LOCK_KEY = 0x7473_7461_7475_7321L;

  /** What the deletion of days past retention removed. */
  private record Expired(long dayRows, long minuteRows) {}

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final ReentrantLock inProcess = new ReentrantLock();

  /**
   * @param jdbi the store's database
   * @param dialect its dialect
   */
  public Maintenance(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  /**
   * Runs maintenance unless another run holds the lock.
   *
   * @param now the current time
   * @param retention how long rows are kept
   * @return what was done, or {@link MaintenanceReport#skipped()}
   */
  public MaintenanceReport run(Instant now, Retention retention) {
    if (!dialect.hasDatabaseLock()) {
      if (!inProcess.tryLock()) {
        return MaintenanceReport.skipped();
      }
      try {
        return jdbi.withHandle(handle -> runLocked(handle, now, retention));
      } finally {
        inProcess.unlock();
      }
    }
    return jdbi.withHandle(
        handle -> {
          StatusDao dao = new StatusDao(handle, dialect);
          if (!dao.tryMaintenanceLock(LOCK_KEY)) {
            return MaintenanceReport.skipped();
          }
          try {
            return runLocked(handle, now, retention);
          } finally {
            // Also released by the server should this connection die: it is a session lock.
            dao.releaseMaintenanceLock(LOCK_KEY);
          }
        });
  }

  private MaintenanceReport runLocked(Handle handle, Instant now, Retention retention) {
    StatusDao dao = new StatusDao(handle, dialect);
    for (HourState hour : dao.unrolledHoursBefore(UtcPeriods.hourOf(now))) {
      rollUpHour(handle, hour);
    }
    int daysRolledUp = 0;
    for (DayState day : dao.unrolledDaysBefore(UtcPeriods.dayOf(now))) {
      if (day.pruned() ? foldLateMinutes(handle, day) : rollUp(handle, day)) {
        daysRolledUp++;
      }
    }
    long minuteRowsDeleted = 0;
    long pruneBefore = UtcPeriods.dayOf(now.minus(retention.minutes()));
    for (DayState day : dao.prunableDaysBefore(pruneBefore)) {
      minuteRowsDeleted += prune(handle, day);
    }
    long expireBefore = UtcPeriods.dayOf(now.minus(retention.days()));
    Expired expired =
        handle.inTransaction(
            tx -> {
              StatusDao inTx = new StatusDao(tx, dialect);
              return new Expired(
                  inTx.deleteDayRowsBefore(expireBefore),
                  inTx.deleteMinutesAndStateBefore(expireBefore));
            });
    return new MaintenanceReport(
        true, daysRolledUp, minuteRowsDeleted + expired.minuteRows(), expired.dayRows());
  }

  /** Computes a day's rows from its minutes, then stores them if the day is unchanged. */
  private boolean rollUp(Handle handle, DayState day) {
    Map<Integer, TallySum> sums = new HashMap<>();
    // In a transaction so PostgreSQL streams the rows through a cursor.
    handle.useTransaction(
        tx -> new StatusDao(tx, dialect).minutesOfDay(day.epochDay(), false, row -> add(sums, row)));
    return handle.inTransaction(
        tx -> {
          StatusDao dao = new StatusDao(tx, dialect);
          if (!dao.claimRollup(day)) {
            return false;
          }
          dao.replaceDayRows(day.epochDay(), tallies(sums));
          return true;
        });
  }

  /** Computes an hour's rows from its minutes, then stores them if the hour is unchanged. */
  private void rollUpHour(Handle handle, HourState hour) {
    Map<Integer, TallySum> sums = new HashMap<>();
    handle.useTransaction(
        tx -> new StatusDao(tx, dialect).minutesOfHour(hour.epochHour(), row -> add(sums, row)));
    handle.useTransaction(
        tx -> {
          StatusDao dao = new StatusDao(tx, dialect);
          if (dao.claimHourRollup(hour)) {
            dao.replaceHourRows(hour.epochHour(), tallies(sums));
          }
        });
  }

  /**
   * Adds the minute rows that arrived for a pruned day to its day rows and deletes them. The minute
   * rows are locked first, the order writers lock in, so a writer replacing one waits rather than
   * deadlocks.
   */
  private boolean foldLateMinutes(Handle handle, DayState day) {
    return handle.inTransaction(
        tx -> {
          StatusDao dao = new StatusDao(tx, dialect);
          Map<Integer, TallySum> sums = new HashMap<>();
          dao.minutesOfDay(day.epochDay(), true, row -> add(sums, row));
          dao.dayRowsOf(day.epochDay(), row -> add(sums, row));
          dao.deleteMinutesOfDay(day.epochDay());
          dao.deleteHoursOfDays(day.epochDay(), day.epochDay() + 1);
          if (!dao.claimRollup(day)) {
            tx.rollback();
            return false;
          }
          dao.replaceDayRows(day.epochDay(), tallies(sums));
          return true;
        });
  }

  /** Deletes a rolled-up day's minute rows, unless something was written to the day since. */
  private long prune(Handle handle, DayState day) {
    return handle.inTransaction(
        tx -> {
          StatusDao dao = new StatusDao(tx, dialect);
          long deleted = dao.deleteMinutesOfDay(day.epochDay());
          dao.deleteHoursOfDays(day.epochDay(), day.epochDay() + 1);
          if (!dao.claimPrune(day)) {
            tx.rollback();
            return 0L;
          }
          return deleted;
        });
  }

  private static void add(Map<Integer, TallySum> sums, TallyRow row) {
    sums.computeIfAbsent(row.routeId(), id -> new TallySum()).add(row);
  }

  private static Map<Integer, Tally> tallies(Map<Integer, TallySum> sums) {
    Map<Integer, Tally> tallies = new HashMap<>();
    sums.forEach(
        (route, sum) -> {
          if (sum.hasRequests()) {
            tallies.put(route, sum.toTally());
          }
        });
    return tallies;
  }
}
