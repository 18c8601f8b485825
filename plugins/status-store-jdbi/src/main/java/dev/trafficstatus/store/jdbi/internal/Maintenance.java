package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rolls dirty closed hours up from minute rows and closed days up from hour rows, and deletes rows
 * past retention, in one process at a time.
 *
 * <p>Writers only upsert minute rows and their own bookkeeping rows ({@link HourWrite}). A run reads
 * the bookkeeping of closed hours first, then each dirty hour's minutes, and stores the hour's rows
 * in a transaction that deletes exactly the bookkeeping rows it read and marks the hour's day as
 * not rolled up; a write that came in meanwhile left its row (new, or with a new version), so the
 * hour stays dirty and is read from minutes until the next run. A closed day without dirty hours
 * is then rolled up from its hour rows, the absence of dirty hours checked in the same transaction;
 * a dirty hour that appears after that check makes readers use the day's hours and minutes again
 * until the next run.
 *
 * <p>Every transaction that changes what a day is read from (an hour rolled up, a day rolled up, late
 * minutes folded into a pruned day) moves the day's version in {@code status_day_state}, so a
 * reader that keeps closed days knows which to read again ({@link FiguresReader#dayVersions}).
 *
 * <p>Minute and hour rows are deleted by whole days, only for rolled-up days without dirty hours,
 * in a transaction that rolls back if a dirty row for the day is visible after the delete. Minute
 * rows that arrive for such a pruned day later are read beside its day rows and folded into them by
 * the next run, checked the same way.
 */
public final class Maintenance {

  /**
   * The PostgreSQL advisory lock key every process of every service sharing the database uses:
   * the bytes of "tstatus!".
   */
  public static final long LOCK_KEY = 0x7473_7461_7475_7321L;

  /** What the deletion of days past retention removed. */
  private record Expired(long dayRows, long minuteRows) {}

  private final Database database;
  private final Dialect dialect;
  private final Duration timeout;
  private final ReentrantLock inProcess = new ReentrantLock();

  /**
   * @param database the store's database
   * @param dialect its dialect
   * @param timeout how long each of its statements may take
   */
  public Maintenance(Database database, Dialect dialect, Duration timeout) {
    this.database = database;
    this.dialect = dialect;
    this.timeout = timeout;
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
      return database.withHandle(
          session ->
              LongWork.run(
                  session,
                  dialect,
                  timeout,
                  locking -> {
                    Dialect.Statements statements = dialect.statements(locking);
                    if (!statements.tryLock(LOCK_KEY)) {
                      return MaintenanceReport.skipped();
                    }
                    try {
                      return runLocked(locking, now, retention);
                    } finally {
                      // Also released by the server should this connection die: a session lock.
                      statements.unlock(LOCK_KEY);
                    }
                  }));
    } finally {
      inProcess.unlock();
    }
  }

  private MaintenanceReport runLocked(Session session, Instant now, Retention retention) {
    RollupDao dao = new RollupDao(session);
    TreeMap<Long, List<HourWrite>> dirtyHours = new TreeMap<>();
    for (HourWrite write : dao.writesBefore(UtcPeriods.hourOf(now))) {
      dirtyHours.computeIfAbsent(write.epochHour(), hour -> new ArrayList<>()).add(write);
    }
    Set<Long> pruned = new HashSet<>();
    if (!dirtyHours.isEmpty()) {
      pruned.addAll(
          dao.prunedDaysBetween(
              Math.floorDiv(dirtyHours.firstKey(), UtcPeriods.HOURS_PER_DAY),
              Math.floorDiv(dirtyHours.lastKey(), UtcPeriods.HOURS_PER_DAY)));
    }
    Map<Long, List<HourWrite>> lateWritesOfPrunedDays = new TreeMap<>();
    for (Map.Entry<Long, List<HourWrite>> hour : dirtyHours.entrySet()) {
      long day = Math.floorDiv(hour.getKey(), UtcPeriods.HOURS_PER_DAY);
      if (pruned.contains(day)) {
        lateWritesOfPrunedDays.computeIfAbsent(day, d -> new ArrayList<>()).addAll(hour.getValue());
      } else {
        rollUpHour(session, hour.getKey(), hour.getValue());
      }
    }
    int daysRolledUp = 0;
    for (Map.Entry<Long, List<HourWrite>> day : lateWritesOfPrunedDays.entrySet()) {
      if (foldLateMinutes(session, day.getKey(), day.getValue())) {
        daysRolledUp++;
      }
    }
    for (long day : dao.unrolledDaysBefore(UtcPeriods.dayOf(now))) {
      if (rollUpDay(session, day)) {
        daysRolledUp++;
      }
    }
    long minuteRowsDeleted = 0;
    for (long day : dao.prunableDaysBefore(UtcPeriods.dayOf(now.minus(retention.minutes())))) {
      minuteRowsDeleted += prune(session, day);
    }
    long expireBefore = UtcPeriods.dayOf(now.minus(retention.days()));
    Expired expired = session.inTransaction(tx -> expire(new RollupDao(tx), expireBefore));
    return new MaintenanceReport(
        true, daysRolledUp, minuteRowsDeleted + expired.minuteRows(), expired.dayRows());
  }

  /**
   * Computes an hour's rows from its minutes (read after its bookkeeping {@code seen} was), then
   * stores them, forgets exactly what was seen, and marks the hour's day for a new rollup, moving
   * its version: the day is now read from rows it was not read from before (see {@link
   * FiguresReader#dayVersions}).
   */
  private void rollUpHour(Session session, long hour, List<HourWrite> seen) {
    Map<Integer, TallySum> sums = new HashMap<>();
    long first = hour * 60;
    session.inTransaction(
        tx -> {
          new RollupDao(tx).minutesBetween(hour, first, first + 60, row -> add(sums, row));
          return null;
        });
    session.inTransaction(
        tx -> {
          RollupDao dao = new RollupDao(tx);
          dao.forget(seen);
          dao.deleteHourRows(hour);
          dao.insertHourRows(rows(hour, sums));
          dialect.statements(tx).reopenDays(List.of(Math.floorDiv(hour, UtcPeriods.HOURS_PER_DAY)));
          return null;
        });
  }

  /** Rolls a closed day up from its hour rows, unless one of its hours is dirty. */
  private boolean rollUpDay(Session session, long day) {
    long firstHour = UtcPeriods.firstHourOf(day);
    return session.inTransaction(
        tx -> {
          RollupDao dao = new RollupDao(tx);
          if (dao.countWritesBetween(firstHour, firstHour + UtcPeriods.HOURS_PER_DAY) > 0) {
            return false;
          }
          Map<Integer, TallySum> sums = new HashMap<>();
          dao.hoursBetween(day, firstHour, firstHour + UtcPeriods.HOURS_PER_DAY, row -> add(sums, row));
          dao.deleteDayRows(day);
          dao.insertDayRows(rows(day, sums));
          dao.markRolledUp(day);
          return true;
        });
  }

  /**
   * Adds the minute rows that arrived for a pruned day to its day rows and deletes them, unless a
   * write to the day that was not seen is visible after the delete.
   */
  private boolean foldLateMinutes(Session session, long day, List<HourWrite> seen) {
    long from = UtcPeriods.firstMinuteOf(day);
    long to = UtcPeriods.firstMinuteOf(day + 1);
    long firstHour = UtcPeriods.firstHourOf(day);
    return session.inTransaction(
        tx -> {
          RollupDao dao = new RollupDao(tx);
          Map<Integer, TallySum> sums = new HashMap<>();
          dao.minutesBetween(day, from, to, row -> add(sums, row));
          dao.dayRowsOf(day, row -> add(sums, row));
          dao.deleteMinutesBetween(from, to);
          dao.deleteHoursBetween(firstHour, firstHour + UtcPeriods.HOURS_PER_DAY);
          dao.forget(seen);
          if (dao.countWritesBetween(firstHour, firstHour + UtcPeriods.HOURS_PER_DAY) > 0) {
            tx.rollback();
            return false;
          }
          dao.deleteDayRows(day);
          dao.insertDayRows(rows(day, sums));
          dao.markRolledUp(day);
          return true;
        });
  }

  /** Deletes a clean rolled-up day's minute and hour rows, unless it is written to meanwhile. */
  private long prune(Session session, long day) {
    long firstHour = UtcPeriods.firstHourOf(day);
    return session.inTransaction(
        tx -> {
          RollupDao dao = new RollupDao(tx);
          if (dao.countWritesBetween(firstHour, firstHour + UtcPeriods.HOURS_PER_DAY) > 0) {
            return 0L;
          }
          long deleted =
              dao.deleteMinutesBetween(UtcPeriods.firstMinuteOf(day), UtcPeriods.firstMinuteOf(day + 1));
          dao.deleteHoursBetween(firstHour, firstHour + UtcPeriods.HOURS_PER_DAY);
          if (dao.countWritesBetween(firstHour, firstHour + UtcPeriods.HOURS_PER_DAY) > 0) {
            tx.rollback();
            return 0L;
          }
          dao.markPruned(day);
          return deleted;
        });
  }

  /** Deletes every row of the days before {@code day}, in one transaction. */
  private static Expired expire(RollupDao dao, long day) {
    long dayRows = dao.deleteDayRowsBefore(day);
    long minuteRows = dao.deleteMinutesBefore(UtcPeriods.firstMinuteOf(day));
    dao.deleteHoursBefore(UtcPeriods.firstHourOf(day));
    dao.deleteWritesBefore(UtcPeriods.firstHourOf(day));
    dao.deleteDayStatesBefore(day);
    return new Expired(dayRows, minuteRows);
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
