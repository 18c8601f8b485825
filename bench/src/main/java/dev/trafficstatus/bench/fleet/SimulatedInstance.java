package dev.trafficstatus.bench.fleet;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.fleet.InstanceReporter;
import dev.trafficstatus.core.flush.FlushReport;
import dev.trafficstatus.core.flush.FlushSettings;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import dev.trafficstatus.store.jdbi.StoreDataSourceFactory;
import io.dropwizard.db.DataSourceFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * One process of the simulated fleet: its own instance id, route registry, counters, flusher and
 * store (with its own connection pool, configured as a user would: URL, user and password, every
 * other setting the store's default), writing into the shared database. It reports its instance
 * row after each flush and on a graceful stop, as the bundle wires it; a kill skips the stop.
 *
 * <p>It knows what it sent: every request it records is added to {@code sent}, and what a flush
 * that completed wrote moves from {@code unflushed} to {@code delivered}, so a kill loses exactly
 * what is still in {@code unflushed}.
 */
final class SimulatedInstance {

  /** One request in this many is a 500; route 0 fails one in five so the evaluator has work. */
  private static final int FAILURE_EVERY = 2_000;

  /** How often a store's start is tried before the instance gives up. */
  private static final int START_ATTEMPTS = 5;

  /** Store starts that failed and were tried again, over the run: printed in the summary. */
  static final java.util.concurrent.atomic.AtomicInteger STARTS_RETRIED =
      new java.util.concurrent.atomic.AtomicInteger();

  private final String id;
  private final int routes;
  private final StatusStore store;
  private final Flusher flusher;
  private final InstanceReporter reporter;
  private final RouteRecorder[] recorders;
  private final LatencySamples samples;
  private final long[] unflushedTotal;
  private final long[] unflushedFailures;
  private int sequence;

  private SimulatedInstance(
      String id,
      int routes,
      StatusStore store,
      Flusher flusher,
      InstanceReporter reporter,
      RouteRecorder[] recorders,
      long seed) {
    this.id = id;
    this.reporter = reporter;
    this.routes = routes;
    this.store = store;
    this.flusher = flusher;
    this.recorders = recorders;
    this.samples = new LatencySamples(seed);
    this.unflushedTotal = new long[routes];
    this.unflushedFailures = new long[routes];
  }

  /**
   * Starts a process: its store (schema check, pool) and its registry with every route declared.
   *
   * @param id the instance id
   * @param service the service all instances record under
   * @param routes how many routes it serves
   * @param database where the fleet writes: URL, user and password are taken from it
   * @param clock the fleet's compressed clock
   * @return the started instance
   */
  static SimulatedInstance start(
      String id, String service, int routes, DataSourceFactory database, Clock clock) {
    StoreDataSourceFactory pool = new StoreDataSourceFactory();
    pool.setUrl(database.getUrl());
    pool.setUser(database.getUser());
    pool.setPassword(database.getPassword());
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(pool);
    BenchContext context = new BenchContext(service, id, clock);
    StatusStore store = factory.build(context);
    startWithRetries(store, id);
    RouteRegistry registry = new RouteRegistry(Classifier.defaults(), clock, key -> true);
    Flusher flusher =
        new Flusher(
            registry, new MinuteHarvester(registry, clock, id), store, clock, FlushSettings.defaults());
    InstanceReporter reporter =
        new InstanceReporter(
            store, id, service, "host-" + id, "1.0." + (id.endsWith("restarted") ? 1 : 0), clock,
            System.getLogger(InstanceReporter.class.getName()));
    reporter.storeStarted();
    reporter.start();
    flusher.whenFlushed(reporter::flushed);
    RouteRecorder[] recorders = new RouteRecorder[routes];
    for (int r = 0; r < routes; r++) {
      recorders[r] = registry.route(descriptor(service, r));
    }
    return new SimulatedInstance(id, routes, store, flusher, reporter, recorders, id.hashCode());
  }

  /**
   * Starts the store, trying again a few times as the bundle's connecting store does in the
   * background: hundreds of processes connecting at once can exceed the connect timeout.
   */
  private static void startWithRetries(StatusStore store, String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        store.start();
        return;
      } catch (Exception e) {
        if (attempt >= START_ATTEMPTS) {
          throw new IllegalStateException("instance " + id + " could not start its store", e);
        }
        STARTS_RETRIED.incrementAndGet();
        try {
          Thread.sleep(1_000L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting " + id, interrupted);
        }
      }
    }
  }

  /**
   * The descriptor of route {@code r}: the same on every instance, as in a fleet of one app.
   *
   * @param service the service
   * @param r the route's number
   * @return the descriptor
   */
  static RouteDescriptor descriptor(String service, int r) {
    return new RouteDescriptor(
        new RouteKey(service, "/api/v1/resource" + r), "Resource " + r, "", "Group " + r % 10);
  }

  /** The instance id. */
  String id() {
    return id;
  }

  /** When in each interval this instance flushes, as its real flusher would. */
  Duration phase() {
    return flusher.phase();
  }

  /**
   * Records one simulated minute of traffic (the clock is inside that minute): a few requests per
   * route, the number varying by route, instance and minute.
   *
   * @param minute the simulated minute's number
   * @param instanceNumber this instance's place in the fleet
   */
  void recordMinute(long minute, int instanceNumber) {
    for (int r = 0; r < routes; r++) {
      int requests = 3 + (int) ((instanceNumber + r + minute) % 5);
      for (int k = 0; k < requests; k++) {
        int i = sequence++;
        boolean failed = r == 0 ? i % 5 == 0 : i % FAILURE_EVERY == 0;
        recorders[r].record(failed ? 500 : 200, samples.latencyNanos(i));
        unflushedTotal[r]++;
        if (failed) {
          unflushedFailures[r]++;
        }
      }
    }
  }

  /**
   * Flushes closed minutes, as the flusher's schedule does; when everything reached the store,
   * what it recorded so far counts as delivered.
   *
   * @param ledger where delivered requests are added
   * @return what the flush did
   */
  FlushReport flushClosed(FleetLedger ledger) {
    return delivered(flusher.flushClosed(), ledger);
  }

  /**
   * The graceful stop's flush of everything, then the store stopped.
   *
   * @param ledger where delivered requests are added
   * @return what the last flush did
   */
  FlushReport stopGracefully(FleetLedger ledger) {
    FlushReport last = delivered(flusher.flushAll(), ledger);
    reporter.stop();
    stopStore();
    return last;
  }

  private FlushReport delivered(FlushReport report, FleetLedger ledger) {
    if (report.complete()) {
      ledger.delivered(unflushedTotal, unflushedFailures);
      java.util.Arrays.fill(unflushedTotal, 0);
      java.util.Arrays.fill(unflushedFailures, 0);
    }
    return report;
  }

  /**
   * A kill: the process is gone with whatever it had not flushed; its connections close as a dead
   * process's do.
   *
   * @return requests it recorded that never reached the store
   */
  long kill() {
    long lost = 0;
    for (long count : unflushedTotal) {
      lost += count;
    }
    stopStore();
    return lost;
  }

  private void stopStore() {
    try {
      store.stop();
    } catch (Exception e) {
      throw new IllegalStateException("instance " + id + " could not stop its store", e);
    }
  }
}
