package dev.trafficstatus.core.flush;

import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Moves counts from memory to the store: declares new routes as soon as they are seen, harvests
 * closed minutes and writes them in batches, once per interval on its own thread.
 *
 * <p>Each process flushes at its own {@link #phase phase} of the interval: 2 seconds after the
 * boundary (so requests in flight land first) plus a share of up to 10 seconds fixed by its
 * instance id, so instances sharing a database do not all write at the same second. A crash loses
 * what was counted since the last flush: at most one interval plus the phase.
 *
 * <p>When the store fails, harvested buckets wait in a bounded buffer and are written when it
 * answers again; beyond the bound the oldest are dropped, counted in {@link FlushStats} and logged
 * once per outage. On {@link #stop()} the partial current minute is flushed too, so a graceful stop
 * loses nothing.
 */
public final class Flusher implements Lifecycle {

  private final RouteRegistry registry;
  private final MinuteHarvester harvester;
  private final StatusStore store;
  private final Clock clock;
  private final FlushSettings settings;
  private final PendingBuckets pending;
  private final System.Logger log;

  private final FlushSchedule schedule;
  private final Duration phase;
  private final AtomicBoolean declareQueued = new AtomicBoolean();
  private final FlushListeners listeners;
  private volatile ScheduledExecutorService executor;
  private long writtenBuckets;
  private long failedWrites;
  private int failuresInARow;
  private boolean overflowLogged;
  private volatile Instant lastSuccess;
  private volatile Duration lastDuration = Duration.ZERO;
  private volatile FlushStats stats;

  /**
   * @param registry where routes are declared and counted
   * @param harvester reads the counters
   * @param store where everything goes
   * @param clock decides which minutes are closed
   * @param settings interval and bounds
   */
  public Flusher(
      RouteRegistry registry,
      MinuteHarvester harvester,
      StatusStore store,
      Clock clock,
      FlushSettings settings) {
    this(registry, harvester, store, clock, settings, System.getLogger(Flusher.class.getName()));
  }

  /**
   * @param registry where routes are declared and counted
   * @param harvester reads the counters
   * @param store where everything goes
   * @param clock decides which minutes are closed
   * @param settings interval and bounds
   * @param log where outages and recoveries are logged
   */
  public Flusher(
      RouteRegistry registry,
      MinuteHarvester harvester,
      StatusStore store,
      Clock clock,
      FlushSettings settings,
      System.Logger log) {
    this.log = Objects.requireNonNull(log, "log");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.harvester = Objects.requireNonNull(harvester, "harvester");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pending = new PendingBuckets(settings.maxPendingBuckets());
    this.schedule = FlushSchedule.of(harvester.instance(), settings.interval());
    this.phase = schedule.phase();
    this.listeners = new FlushListeners(log);
    this.stats = snapshot();
  }

  /**
   * This process's phase: how long after each interval's boundary it flushes.
   *
   * @return the offset
   */
  public Duration phase() {
    return phase;
  }

  /**
   * When what is counted at {@code now} is written: the first scheduled flush after the minute of
   * {@code now} has closed. A new server's page tells its readers this time ("First figures at
   * 09:47 UTC") instead of a bare "No Data Yet".
   *
   * @param now the moment counted
   * @return the flush that writes it, on this process's schedule (interval boundaries plus phase)
   */
  public Instant writtenBy(Instant now) {
    return schedule.writtenBy(now);
  }

  /** Starts the flush thread: one flush at once (to declare routes), then one per interval. */
  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "trafficstatus-flusher");
              thread.setDaemon(true);
              return thread;
            });
    long intervalMillis = settings.interval().toMillis();
    long sinceBoundary = Math.floorMod(clock.millis(), intervalMillis);
    long firstDelay = Math.floorMod(phase.toMillis() - sinceBoundary, intervalMillis);
    executor.execute(this::flushClosedQuietly);
    executor.scheduleAtFixedRate(
        this::flushClosedQuietly, firstDelay, intervalMillis, TimeUnit.MILLISECONDS);
    log.log(
        Level.INFO,
        "Flushing every {0} ms, {1} ms past each boundary: a crash loses at most {2} ms of counts",
        intervalMillis,
        phase.toMillis(),
        intervalMillis + phase.toMillis());
  }

  /**
   * Makes newly declared routes known to the store soon, on the flush thread, rather than at the
   * next flush: so the configure API knows an app's routes from its start. Many calls in a row
   * (a capture declaring its routes one by one) make one declaration.
   */
  public void declareSoon() {
    ScheduledExecutorService running = executor;
    if (running != null && declareQueued.compareAndSet(false, true)) {
      try {
        running.execute(
            () -> {
              declareQueued.set(false);
              declarePendingQuietly();
            });
      } catch (RejectedExecutionException stopping) {
        // Stopping: the last flush declares what is left.
        declareQueued.set(false);
      }
    }
  }

  /** Flushes soon, on the flush thread: when the store has just become available. */
  public void flushSoon() {
    ScheduledExecutorService running = executor;
    if (running != null) {
      try {
        running.execute(this::flushClosedQuietly);
      } catch (RejectedExecutionException stopping) {
        // Stopping: the last flush writes what is left.
      }
    }
  }

  /**
   * Makes the routes declared since the last flush known to the store now.
   *
   * @return how many routes were declared; 0 when none waited or the store refused (they wait on)
   */
  public synchronized int declarePending() {
    List<RouteDescriptor> routes = registry.takeUndeclared();
    if (routes.isEmpty()) {
      return 0;
    }
    try {
      store.declareRoutes(routes);
    } catch (RuntimeException storeFailure) {
      registry.returnUndeclared(routes);
      return 0;
    }
    listeners.declared();
    return routes.size();
  }

  private void declarePendingQuietly() {
    try {
      declarePending();
    } catch (RuntimeException | Error bug) {
      log.log(Level.ERROR, "Declaring routes failed unexpectedly; the next flush will try again", bug);
    }
  }

  /** Stops the thread, then flushes everything, the partial current minute included. */
  @Override
  public void stop() throws InterruptedException {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    if (running != null) {
      running.shutdown();
      running.awaitTermination(30, TimeUnit.SECONDS);
    }
    FlushReport last = flushAll();
    if (!last.complete()) {
      log.log(
          Level.ERROR,
          "Stopping with {0} minute buckets the store did not take; their counts are lost: {1}",
          last.bucketsPending(),
          last.error().orElse("?"));
    }
  }

  private void flushClosedQuietly() {
    try {
      flushClosed();
    } catch (RuntimeException | Error bug) {
      // A scheduled task that throws is never run again: log and keep the schedule alive.
      log.log(Level.ERROR, "Flush failed unexpectedly; the next flush will try again", bug);
    }
  }

  /**
   * Flushes closed minutes now, as the schedule does.
   *
   * @return what was done
   */
  public synchronized FlushReport flushClosed() {
    return flush(harvester.harvestClosed());
  }

  /**
   * Flushes everything now, the partial current minute included (for stop and the admin task).
   *
   * @return what was done
   */
  public synchronized FlushReport flushAll() {
    return flush(harvester.harvestAll());
  }

  /**
   * The latest figures.
   *
   * @return the figures as of the last flush
   */
  public FlushStats stats() {
    return stats;
  }

  /**
   * Hands every harvested bucket to a listener before it is written, on the flusher's thread: the
   * minute figures other reporters can read without a second count on the request path. A bucket
   * is its minute's whole tally so far: a minute comes again, with the figures it had plus what it
   * gained, when it changed since its last harvest (a flush of the open minute on request or at
   * stop, a straggler), so a listener that adds up counts the difference. A listener that throws
   * is logged once and never stops a flush.
   *
   * @param listener reads the buckets; must not keep or change the list
   */
  public void whenHarvested(Consumer<List<MinuteBucket>> listener) {
    listeners.whenHarvested(listener);
  }

  /**
   * Tells a listener after every flush the store accepted (one with nothing to write too), on the
   * flusher's thread, with the time it wrote: the instance's report that it is alive. A listener
   * that throws is logged once and never stops a flush.
   *
   * @param listener takes the time of the flush
   */
  public void whenFlushed(Consumer<Instant> listener) {
    listeners.whenFlushed(listener);
  }

  /**
   * Tells a listener each time routes were made known to the store, on the thread that declared
   * them: the page reads again, so a route declared after its first read shows at once.
   *
   * @param listener what to run
   */
  public void whenRoutesDeclared(Runnable listener) {
    listeners.whenDeclared(listener);
  }

  private FlushReport flush(List<MinuteBucket> harvested) {
    long started = System.nanoTime();
    listeners.harvested(harvested);
    int dropped = pending.add(harvested);
    if (dropped > 0 && !overflowLogged) {
      overflowLogged = true;
      log.log(
          Level.ERROR,
          "The store has not taken minute buckets for a while and the buffer of {0} is full:"
              + " dropping the oldest. Dropped counts are in the metric of dropped requests;"
              + " this is logged once per outage.",
          settings.maxPendingBuckets());
    }
    int declared = 0;
    int written = 0;
    Optional<String> error = Optional.empty();
    List<RouteDescriptor> routes = registry.takeUndeclared();
    try {
      if (!routes.isEmpty()) {
        store.declareRoutes(routes);
        declared = routes.size();
      }
      while (pending.size() > 0) {
        List<MinuteBucket> batch = pending.oldest(settings.batchSize());
        store.writeMinutes(batch);
        pending.written(batch);
        written += batch.size();
      }
      recovered(written);
    } catch (RuntimeException storeFailure) {
      if (declared == 0) {
        registry.returnUndeclared(routes);
      }
      error = Optional.of(String.valueOf(storeFailure.getMessage()));
      failed(storeFailure);
    }
    writtenBuckets += written;
    lastDuration = Duration.ofNanos(System.nanoTime() - started);
    stats = snapshot();
    if (declared > 0) {
      listeners.declared();
    }
    if (error.isEmpty()) {
      listeners.flushed(lastSuccess);
    }
    return new FlushReport(declared, harvested.size(), written, pending.size(), error);
  }

  private void recovered(int written) {
    if (failuresInARow > 0) {
      log.log(
          Level.INFO,
          "The store answers again after {0} failed flushes; wrote {1} waiting minute buckets.",
          failuresInARow,
          written);
    }
    failuresInARow = 0;
    overflowLogged = false;
    lastSuccess = clock.instant();
  }

  private void failed(RuntimeException storeFailure) {
    failedWrites++;
    if (failuresInARow++ == 0) {
      log.log(
          Level.WARNING,
          "Could not flush to the store; keeping up to {0} minute buckets in memory and retrying"
              + " every {1}s. Requests are served as before. Cause: {2}",
          settings.maxPendingBuckets(),
          settings.interval().toSeconds(),
          storeFailure.toString());
    } else {
      log.log(Level.DEBUG, "Flush failed again ({0} in a row)", failuresInARow);
    }
  }

  private FlushStats snapshot() {
    return new FlushStats(
        harvester.harvestedRequests(),
        writtenBuckets,
        pending.size(),
        pending.droppedBuckets(),
        pending.droppedRequests(),
        failedWrites,
        lastSuccess,
        lastDuration);
  }
}
