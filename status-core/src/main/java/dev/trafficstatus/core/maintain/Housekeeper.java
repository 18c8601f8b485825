package dev.trafficstatus.core.maintain;

import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the store's maintenance (day rollups, retention) on its own thread, so a long rollup never
 * delays a flush. The store makes sure one process at a time does it; the process whose turn it
 * was also deletes closed notices and outbox events past their retention, when the store keeps
 * them.
 */
public final class Housekeeper implements Lifecycle {

  /** First run shortly after start, so a restarted process rolls up what it missed. */
  private static final Duration FIRST_RUN = Duration.ofSeconds(30);

  private final StatusStore store;
  private final Clock clock;
  private final Retention retention;
  private final Duration incidents;
  private final Duration notifications;
  private final Duration interval;
  private final System.Logger log;
  private ScheduledExecutorService executor;

  /**
   * @param store the store to maintain
   * @param clock what "now" is
   * @param settings how long rows are kept and how often to run
   */
  public Housekeeper(StatusStore store, Clock clock, MaintenanceSettings settings) {
    this(store, clock, settings, System.getLogger(Housekeeper.class.getName()));
  }

  /**
   * @param store the store to maintain
   * @param clock what "now" is
   * @param settings how long rows are kept and how often to run
   * @param log where what maintenance did is logged
   */
  public Housekeeper(
      StatusStore store, Clock clock, MaintenanceSettings settings, System.Logger log) {
    this.log = Objects.requireNonNull(log, "log");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = settings.retention();
    this.incidents = settings.incidents();
    this.notifications = settings.notifications();
    this.interval = settings.interval();
  }

  /**
   * Runs maintenance once, now: the store's rollups and retention of figures, then, if it ran in
   * this process, the retention of closed notices and outbox events.
   *
   * @return what the store did with figures
   */
  public MaintenanceReport runOnce() {
    Instant now = clock.instant();
    MaintenanceReport report = store.maintain(now, retention);
    if (!report.ran()) {
      return report;
    }
    int notices =
        store.notices().map(kept -> kept.deleteClosedBefore(now.minus(incidents))).orElse(0);
    int events =
        store.outbox().map(outbox -> outbox.deleteBefore(now.minus(notifications))).orElse(0);
    if (report.daysRolledUp() > 0 || report.minuteRowsDeleted() > 0 || report.dayRowsDeleted() > 0
        || notices > 0 || events > 0) {
      log.log(
          Level.INFO,
          "Maintenance: rolled up {0} route-days, deleted {1} minute rows, {2} day rows, {3} closed"
              + " notices and {4} outbox events past retention",
          report.daysRolledUp(),
          report.minuteRowsDeleted(),
          report.dayRowsDeleted(),
          notices,
          events);
    }
    return report;
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (RuntimeException failure) {
      // Maintenance is retried at the next interval; rows wait, nothing is lost meanwhile.
      log.log(Level.WARNING, "Maintenance failed; will try again in " + interval, failure);
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "trafficstatus-maintenance");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::runQuietly, FIRST_RUN.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(30, TimeUnit.SECONDS);
      executor = null;
    }
  }
}
