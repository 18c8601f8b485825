package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final ReentrantLock inProcess = new ReentrantLock();

  /**
   * @param jdbi the store's database, with the SQL object plugin
   * @param dialect its dialect
   */
  public Maintenance(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  /**
   * Runs maintenance unless another run, in this process or another, holds the lock.
   *
   * @param now the current time
   * @param retention how long rows are kept
   * @return what was done, or {@link MaintenanceReport#skipped()}
   */
  public MaintenanceReport run(Instant now, Retention retention) {
    if (!inProcess.tryLock()) {
      return MaintenanceReport.skipped();
    }
    try {
      return jdbi.withHandle(
          handle -> {
            Dialect.Statements statements = handle.attach(dialect.statements());
            if (!statements.tryLock(LOCK_KEY)) {
              return MaintenanceReport.skipped();
            }
            try {
              return runLocked(handle, now, retention);
            } finally {
              // Also released by the server should this connection die: it is a session lock.
              statements.unlock(LOCK_KEY);
            }
          });
    } finally {
      inProcess.unlock();
    }
  }

  private MaintenanceReport runLocked(Handle handle, Instant now, Retention retention) {
    RollupDao dao = handle.attach(RollupDao.class);
    for (HourState hour : dao.unrolledHoursBefore(UtcPeriods.hourOf(now))) {
      rollUpHour(handle, hour);
    }
    int daysRolledUp = 0;
    for (DayState day : dao.unrolledDaysBefore(UtcPeriods.dayOf(now))) {
      if (day.pruned() ? foldLateMinutes(handle, day) : rollUpDay(handle, day)) {
        daysRolledUp++;
      }
    }
    long minuteRowsDeleted = 0;
    long pruneBefore = UtcPeriods.dayOf(now.minus(retention.minutes()));
    for (DayState day : dao.prunableDaysBefore(pruneBefore)) {
      minuteRowsDeleted += prune(handle, day);
    }
    long expireBefore = UtcPeriods.dayOf(now.minus(retention.days()));
    Expired expired = handle.inTransaction(tx -> expire(tx.attach(RollupDao.class), expireBefore));
    return new MaintenanceReport(
        true, daysRolledUp, minuteRowsDeleted + expired.minuteRows(), expired.dayRows());
  }

  /** What the deletion of days past retention removed. */
  private record Expired(long dayRows, long minuteRows) {}

  /** Deletes every row of the days before {@code day}, in one transaction. */
  private static Expired expire(RollupDao dao, long day) {
    long dayRows = dao.deleteDayRowsBefore(day);
    long minuteRows = dao.deleteMinutesBefore(UtcPeriods.firstMinuteOf(day));
    dao.deleteHoursBefore(UtcPeriods.firstHourOf(day));
    dao.deleteHourStatesBefore(UtcPeriods.firstHourOf(day));
    dao.deleteDayStatesBefore(day);
    return new Expired(dayRows, minuteRows);
  }

  /** Computes an hour's rows from its minutes, then stores them if the hour is unchanged. */
  private void rollUpHour(Handle handle, HourState hour) {
    Map<Integer, TallySum> sums = new HashMap<>();
    long first = hour.epochHour() * 60;
    handle.useTransaction(
        tx -> tx.attach(RollupDao.class).minutesBetween(hour.epochHour(), first, first + 60, row -> add(sums, row)));
    handle.useTransaction(
        tx -> {
          RollupDao dao = tx.attach(RollupDao.class);
          if (dao.claimHour(hour.epochHour(), hour.version()) == 1) {
            dao.deleteHourRows(hour.epochHour());
            dao.insertHourRows(rows(hour.epochHour(), sums));
          }
        });
  }

  /** Computes a day's rows from its minutes, then stores them if the day is unchanged. */
  private boolean rollUpDay(Handle handle, DayState day) {
    Map<Integer, TallySum> sums = new HashMap<>();
    handle.useTransaction(
        tx ->
            tx.attach(RollupDao.class)
                .minutesBetween(
                    day.epochDay(),
                    UtcPeriods.firstMinuteOf(day.epochDay()),
                    UtcPeriods.firstMinuteOf(day.epochDay() + 1),
                    row -> add(sums, row)));
    return handle.inTransaction(
        tx -> {
          RollupDao dao = tx.attach(RollupDao.class);
          if (dao.claimDay(day.epochDay(), day.version()) == 0) {
            return false;
          }
          dao.deleteDayRows(day.epochDay());
          dao.insertDayRows(rows(day.epochDay(), sums));
          return true;
        });
  }

  /**
   * Adds the minute rows that arrived for a pruned day to its day rows and deletes them. The minute
   * rows are locked first, the order writers lock in, so a writer replacing one waits rather than
   * deadlocks.
   */
  private boolean foldLateMinutes(Handle handle, DayState day) {
    long from = UtcPeriods.firstMinuteOf(day.epochDay());
    long to = UtcPeriods.firstMinuteOf(day.epochDay() + 1);
    return handle.inTransaction(
        tx -> {
          RollupDao dao = tx.attach(RollupDao.class);
          Map<Integer, TallySum> sums = new HashMap<>();
          dao.lockMinutesBetween(day.epochDay(), from, to, row -> add(sums, row));
          dao.dayRowsOf(day.epochDay(), row -> add(sums, row));
          dao.deleteMinutesBetween(from, to);
          dao.deleteHoursOfDays(day.epochDay(), day.epochDay() + 1);
          if (dao.claimDay(day.epochDay(), day.version()) == 0) {
            tx.rollback();
            return false;
          }
          dao.deleteDayRows(day.epochDay());
          dao.insertDayRows(rows(day.epochDay(), sums));
          return true;
        });
  }

  /** Deletes a rolled-up day's minute rows, unless something was written to the day since. */
  private long prune(Handle handle, DayState day) {
    return handle.inTransaction(
        tx -> {
          RollupDao dao = tx.attach(RollupDao.class);
          long deleted =
              dao.deleteMinutesBetween(
                  UtcPeriods.firstMinuteOf(day.epochDay()), UtcPeriods.firstMinuteOf(day.epochDay() + 1));
          dao.deleteHoursOfDays(day.epochDay(), day.epochDay() + 1);
          if (dao.claimPrune(day.epochDay(), day.version()) == 0) {
            tx.rollback();
            return 0L;
          }
          return deleted;
        });
  }

  private static void add(Map<Integer, TallySum> sums, TallyRow row) {
    sums.computeIfAbsent(row.routeId(), id -> new TallySum()).add(row);
  }

  /** The rollup rows of the routes with requests, in route order (the order rows are locked in). */
  private static List<TallyRow> rows(long period, Map<Integer, TallySum> sums) {
    List<TallyRow> rows = new ArrayList<>(sums.size());
    sums.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(entry -> entry.getValue().hasRequests())
        .forEach(entry -> rows.add(TallyRow.of(entry.getKey(), period, entry.getValue().toTally())));
    return rows;
  }
}
