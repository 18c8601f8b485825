package dev.trafficstatus.core.fleet;

import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredInstance;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps this process's row in the store's instance table: written when it starts (or once the
 * store has connected), after every successful flush, and on a clean stop, after the last flush.
 * A process whose row stops moving without a stop is a silent instance on the page.
 *
 * <p>A report that fails is not retried: the next flush reports again (the store replaces the
 * row). A failure is logged once until a report succeeds again; the flusher logs store outages
 * itself. Nothing here ever fails a flush or a start.
 */
public final class InstanceReporter implements Lifecycle {

  private final StatusStore store;
  private final Clock clock;
  private final System.Logger log;
  private final String instance;
  private final String service;
  private final String host;
  private final String version;

  private StoredInstance current;
  private boolean storeStarted;
  private boolean failing;

  /**
   * @param store the store, whose {@link StatusStore#instances()} keeps the row (none: no-op)
   * @param instance this process's instance id
   * @param service the service it records under
   * @param host the host name
   * @param version the app's version, or null when unknown
   * @param clock what "now" is
   * @param log where a failing report is logged, once until one succeeds
   */
  public InstanceReporter(
      StatusStore store,
      String instance,
      String service,
      String host,
      String version,
      Clock clock,
      System.Logger log) {
    this.store = Objects.requireNonNull(store, "store");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.service = Objects.requireNonNull(service, "service");
    this.host = Objects.requireNonNull(host, "host");
    this.version = version;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Records the start: now when the store has started, else once it has ({@link #storeStarted}). */
  @Override
  public synchronized void start() {
    if (current == null) {
      current = StoredInstance.started(instance, service, host, version, clock.instant());
    }
    if (storeStarted) {
      report("its start");
    }
  }

  /**
   * Records the start once the store has started (it starts in the background, before or after
   * this reporter does).
   */
  public synchronized void storeStarted() {
    storeStarted = true;
    if (current != null) {
      report("its start");
    }
  }

  /**
   * Records a successful flush; called on the flusher's thread after each.
   *
   * @param at when the flush wrote
   */
  public synchronized void flushed(Instant at) {
    if (current == null) {
      current = StoredInstance.started(instance, service, host, version, at);
    }
    current = current.flushed(at);
    report("a flush");
  }

  /** Records a clean stop; runs after the flusher's last flush (the lifecycle's order). */
  @Override
  public synchronized void stop() {
    if (current == null) {
      return;
    }
    current = current.stopped(clock.instant());
    if (!report("its clean stop")) {
      log.log(
          Level.WARNING,
          "Could not record the clean stop of instance {0}: the page counts it as silent until"
              + " it is forgotten",
          instance);
    }
  }

  /**
   * What was last recorded of this process, for the start-up log and tests.
   *
   * @return the instance, or empty before start
   */
  public synchronized Optional<StoredInstance> current() {
    return Optional.ofNullable(current);
  }

  private boolean report(String what) {
    Optional<InstanceStore> instances = store.instances();
    if (instances.isEmpty()) {
      return true;
    }
    try {
      instances.get().report(current);
      failing = false;
      return true;
    } catch (RuntimeException failure) {
      if (!failing) {
        failing = true;
        log.log(
            Level.WARNING,
            "Could not record instance {0} after {1}; the next flush tries again. Cause: {2}",
            instance,
            what,
            String.valueOf(failure.getMessage()));
      }
      return false;
    }
  }
}
