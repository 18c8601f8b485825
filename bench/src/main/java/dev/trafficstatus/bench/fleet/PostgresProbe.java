package dev.trafficstatus.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What PostgreSQL itself says while the fleet writes, on a connection of its own: sessions waiting
 * for locks ({@code pg_stat_activity}, {@code pg_locks}) sampled every {@value #SAMPLE_MILLIS} ms
 * during a flush round, table and index sizes, WAL written, and the CPU time of the server's
 * processes (from {@code /proc}: the postmaster, its live backends, and the backends it has reaped).
 */
final class PostgresProbe implements AutoCloseable {

  /** How often sessions are sampled during a flush round. */
  static final int SAMPLE_MILLIS = 20;

  /** Lock waits seen during one flush round. */
  record LockWaits(int samples, long waitingSessionSamples, int maxWaiting, int maxUngranted, int maxActive) {

    /** Session-milliseconds spent waiting for a lock, estimated from the samples. */
    long waitMillis() {
      return waitingSessionSamples * SAMPLE_MILLIS;
    }
  }

  /** Sizes of the minute table and the whole database, in bytes. */
  record Sizes(long minuteTable, long minuteIndexes, long database, int connections) {}

  private final Connection connection;
  private final long postmasterPid;
  private final long clockTicks;

  PostgresProbe(Connection connection) throws SQLException {
    this.connection = connection;
    this.postmasterPid = parentOf(backendPid(connection));
    this.clockTicks = 100; // USER_HZ on Linux
  }

  private static long backendPid(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * Samples sessions until {@code done} is set, at most for {@code maxMillis}.
   *
   * @param done set when the round is over
   * @param maxMillis a bound on the sampling, whatever happens
   * @return what was seen
   */
  LockWaits sampleUntil(AtomicBoolean done, long maxMillis) throws SQLException, InterruptedException {
    int samples = 0;
    long waiting = 0;
    int maxWaiting = 0;
    int maxUngranted = 0;
    int maxActive = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    try (Statement s = connection.createStatement()) {
      while (!done.get() && System.nanoTime() < deadline) {
        try (ResultSet row =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),"
                    + " count(*) FILTER (WHERE state = 'active'),"
                    + " (SELECT count(*) FROM pg_locks WHERE NOT granted)"
                    + " FROM pg_stat_activity WHERE backend_type = 'client backend'"
                    + " AND pid <> pg_backend_pid()")) {
          row.next();
          int w = row.getInt(1);
          waiting += w;
          maxWaiting = Math.max(maxWaiting, w);
          maxActive = Math.max(maxActive, row.getInt(2));
          maxUngranted = Math.max(maxUngranted, row.getInt(3));
        }
        samples++;
        Thread.sleep(SAMPLE_MILLIS);
      }
    }
    return new LockWaits(samples, waiting, maxWaiting, maxUngranted, maxActive);
  }

  /** The minute table's and the database's sizes, and how many client sessions are open. */
  Sizes sizes() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT pg_relation_size('status_minutes'), pg_indexes_size('status_minutes'),"
                    + " pg_database_size(current_database()),"
                    + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")) {
      row.next();
      return new Sizes(row.getLong(1), row.getLong(2), row.getLong(3), row.getInt(4));
    }
  }

  /** The WAL position, in bytes since the cluster's start. */
  long walBytes() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet row = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * CPU time of the server so far, in milliseconds: the postmaster's own and its reaped children's
   * (which include every backend that has ended), plus its live children's.
   */
  long cpuMillis() throws IOException {
    long ticks = 0;
    String[] own = stat(postmasterPid);
    // Fields 14-17 (1-based): utime, stime, cutime, cstime.
    ticks += Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15])
        + Long.parseLong(own[16]);
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] fields;
        try {
          fields = stat(Long.parseLong(name));
        } catch (IOException gone) {
          continue;
        }
        if (Long.parseLong(fields[3]) == postmasterPid) {
          ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
      }
    }
    return ticks * 1000 / clockTicks;
  }

  private static long parentOf(long pid) {
    try {
      return Long.parseLong(stat(pid)[3]);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
    }
  }

  /** The fields of /proc/PID/stat, the command (field 2) removed so the others split cleanly. */
  private static String[] stat(long pid) throws IOException {
    String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String afterCommand = line.substring(line.lastIndexOf(')') + 2);
    String[] rest = afterCommand.split(" ");
    String[] fields = new String[rest.length + 2];
    fields[0] = Long.toString(pid);
    fields[1] = "(command)";
    System.arraycopy(rest, 0, fields, 2, rest.length);
    return fields;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
