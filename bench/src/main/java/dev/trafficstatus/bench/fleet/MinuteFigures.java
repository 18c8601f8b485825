package dev.trafficstatus.bench.fleet;

import java.util.Locale;

/**
 * What one simulated minute measured.
 *
 * @param minute the simulated minute's number
 * @param instances instances that flushed this minute
 * @param rowsWritten minute buckets the store accepted
 * @param failedFlushes flushes that did not complete
 * @param flushP50Millis median flush latency over instances
 * @param flushP99Millis 99th percentile flush latency over instances
 * @param flushMaxMillis slowest flush
 * @param roundMillis from the round's start to its last flush's end
 * @param lockWaitMillis session-milliseconds spent waiting for locks during the round (sampled)
 * @param maxLockWaiters most sessions seen waiting for a lock at once
 * @param maxActive most sessions seen active at once
 * @param connections client sessions open after the round
 * @param minuteTableBytes the minute table's heap
 * @param minuteIndexBytes the minute table's indexes
 * @param databaseBytes the whole database
 * @param walBytes WAL written during this minute (round, page read, evaluator, maintenance)
 * @param postgresCpuMillis CPU time PostgreSQL used during this minute
 * @param pageMillis the page server's whole-window read
 * @param evaluatorMillis one evaluator run
 * @param maintenanceMillis a maintenance run, or -1 when none ran this minute
 * @param overran whether the minute's work took longer than the simulated minute's real time
 */
record MinuteFigures(
    long minute,
    int instances,
    long rowsWritten,
    int failedFlushes,
    double flushP50Millis,
    double flushP99Millis,
    double flushMaxMillis,
    double roundMillis,
    long lockWaitMillis,
    int maxLockWaiters,
    int maxActive,
    int connections,
    long minuteTableBytes,
    long minuteIndexBytes,
    long databaseBytes,
    long walBytes,
    long postgresCpuMillis,
    double pageMillis,
    double evaluatorMillis,
    double maintenanceMillis,
    boolean overran) {

  static final String CSV_HEADER =
      "minute,instances,rows_written,failed_flushes,flush_p50_ms,flush_p99_ms,flush_max_ms,round_ms,"
          + "lock_wait_ms,max_lock_waiters,max_active,connections,minute_table_bytes,"
          + "minute_index_bytes,database_bytes,wal_bytes,postgres_cpu_ms,page_ms,evaluator_ms,"
          + "maintenance_ms,overran";

  String csv() {
    return String.format(
        Locale.ROOT,
        "%d,%d,%d,%d,%.2f,%.2f,%.2f,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%b",
        minute, instances, rowsWritten, failedFlushes, flushP50Millis, flushP99Millis,
        flushMaxMillis, roundMillis, lockWaitMillis, maxLockWaiters, maxActive, connections,
        minuteTableBytes, minuteIndexBytes, databaseBytes, walBytes, postgresCpuMillis, pageMillis,
        evaluatorMillis, maintenanceMillis, overran);
  }
}
