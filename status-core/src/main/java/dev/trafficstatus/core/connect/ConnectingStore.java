package dev.trafficstatus.core.connect;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.HourVersions;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.SubscriberStore;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The store plugin's store, started in the background, so its host starts and serves whatever
 * state the status database is in. A thread of its own starts (connects, migrates) the store, and
 * when that fails tries again after a capped exponential backoff ({@link ConnectSettings}),
 * logging the first failure and then only the recovery. {@link #start()} waits for the first
 * attempt at most {@link ConnectSettings#startWait()}: a healthy database is connected when the
 * host starts serving, a refusing one fails at once, a hung one holds start-up no longer.
 *
 * <p>Until the store has started, every call fails with a {@link StoreException} that says so, as
 * a database outage would: the flusher keeps counts in its bounded buffer, the page and the API
 * answer as they do when the database is down. Once connected, it runs what was registered with
 * {@link #whenConnected} (the flusher declares the routes and writes what waited).
 */
public final class ConnectingStore implements StatusStore {

  private final StatusStore store;
  private final ConnectSettings settings;
  private final System.Logger log;
  private final RandomGenerator random;
  private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
  private final Object connectedSignal = new Object();
  private final CountDownLatch firstAttempt = new CountDownLatch(1);

  private volatile boolean connected;
  private volatile String lastFailure = "not tried yet";
  private ScheduledExecutorService executor;
  private int failures;

  /**
   * @param store the store plugin's store, not started
   * @param settings how attempts are spaced
   * @param log where the first failure and the recovery are logged
   * @param random the jitter's source
   */
  public ConnectingStore(
      StatusStore store, ConnectSettings settings, System.Logger log, RandomGenerator random) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Runs something on the connecting thread once the store has started. Register before {@link
   * #start()}.
   *
   * @param listener what to run; it must not throw
   */
  public void whenConnected(Runnable listener) {
    connectedListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The store plugin's store this one starts and guards, for tests and tools that need the
   * plugin's own type.
   *
   * @return the store
   */
  public StatusStore plugin() {
    return store;
  }

  /**
   * Whether the store has started.
   *
   * @return true once connected
   */
  public boolean isConnected() {
    return connected;
  }

  /**
   * Waits until the store has started, for tools and tests that need it started.
   *
   * @param timeout how long to wait at most
   * @return true when connected, false when the time ran out
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (connectedSignal) {
      while (!connected) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(connectedSignal, left);
      }
    }
    return true;
  }

  /**
   * Starts connecting in the background, and waits for the first attempt at most {@link
   * ConnectSettings#startWait()}.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  @Override
  public void start() throws InterruptedException {
    synchronized (this) {
      if (executor != null) {
        return;
      }
      executor =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "trafficstatus-store-connect");
                thread.setDaemon(true);
                return thread;
              });
      executor.execute(this::attempt);
    }
    firstAttempt.await(settings.startWait().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Tries to start the store once, on the connecting thread.
   *
   * @return when to try again, or empty once connected
   */
  Optional<Duration> attemptOnce() {
    try {
      store.start();
    } catch (Exception | AssertionError failure) {
      failures++;
      lastFailure = String.valueOf(failure.getMessage());
      Duration wait = jittered(settings.backoffAfter(failures));
      if (failures == 1) {
        log.log(
            failure instanceof IllegalStateException ? Level.ERROR : Level.WARNING,
            "The status store cannot start yet; the app serves as before, counts wait in memory,"
                + " and the store is tried again in the background (next in {0} ms, at most every"
                + " {1} s). Cause: {2}",
            wait.toMillis(),
            settings.maxBackoff().toSeconds(),
            lastFailure);
      } else {
        log.log(Level.DEBUG, "The status store still cannot start ({0} attempts): {1}", failures, lastFailure);
      }
      return Optional.of(wait);
    }
    synchronized (connectedSignal) {
      connected = true;
      connectedSignal.notifyAll();
    }
    if (failures > 0) {
      log.log(Level.INFO, "The status store started after {0} failed attempts", failures);
    }
    for (Runnable listener : connectedListeners) {
      listener.run();
    }
    return Optional.empty();
  }

  private void attempt() {
    Optional<Duration> retry = attemptOnce();
    firstAttempt.countDown();
    synchronized (this) {
      if (retry.isPresent() && executor != null && !executor.isShutdown()) {
        executor.schedule(this::attempt, retry.get().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private Duration jittered(Duration wait) {
    double factor = 0.8 + 0.4 * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
  }

  /** Stops connecting, then the store itself if it had started. */
  @Override
  public void stop() throws Exception {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    if (running != null) {
      running.shutdownNow();
      running.awaitTermination(30, TimeUnit.SECONDS);
    }
    if (connected) {
      connected = false;
      store.stop();
    }
  }

  private void requireConnected() {
    if (!connected) {
      throw new StoreException(
          "the status store has not started yet (" + lastFailure + "); it is tried again in the"
              + " background",
          null);
    }
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public void declareRoutes(Collection<RouteDescriptor> routes) {
    requireConnected();
    store.declareRoutes(routes);
  }

  @Override
  public void writeMinutes(Collection<MinuteBucket> buckets) {
    requireConnected();
    store.writeMinutes(buckets);
  }

  @Override
  public List<StoredRoute> routes() {
    requireConnected();
    return store.routes();
  }

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    requireConnected();
    return store.readDays(first, last);
  }

  @Override
  public Optional<DayVersions> dayVersions(LocalDate first, LocalDate last) {
    requireConnected();
    return store.dayVersions(first, last);
  }

  @Override
  public Optional<HourVersions> hourVersions(Instant from, Instant to) {
    requireConnected();
    return store.hourVersions(from, to);
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    requireConnected();
    return store.readSince(from);
  }

  @Override
  public Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    requireConnected();
    return store.editRoute(key, edit);
  }

  @Override
  public boolean deleteRoute(RouteKey key) {
    requireConnected();
    return store.deleteRoute(key);
  }

  @Override
  public boolean restoreRoute(RouteKey key, Instant now) {
    requireConnected();
    return store.restoreRoute(key, now);
  }

  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    requireConnected();
    return store.maintain(now, retention);
  }

  @Override
  public List<String> migrate() {
    return store.migrate();
  }

  @Override
  public List<String> pendingMigrations() {
    return store.pendingMigrations();
  }

  @Override
  public void ping() {
    requireConnected();
    store.ping();
  }

  @Override
  public List<RouteTally> readBetween(Instant from, Instant to) {
    requireConnected();
    return store.readBetween(from, to);
  }

  @Override
  public <T> Optional<T> runExclusive(String duty, Supplier<T> work) {
    requireConnected();
    return store.runExclusive(duty, work);
  }

  /** The store's notices, each call guarded as the store's own calls are. */
  @Override
  public Optional<NoticeStore> notices() {
    return store.notices().map(notices -> new GuardedNotices(notices, this::requireConnected));
  }

  /** The store's instances, each call guarded as the store's own calls are. */
  @Override
  public Optional<InstanceStore> instances() {
    return store.instances().map(instances -> new GuardedInstances(instances, this::requireConnected));
  }

  /** The store's outbox, each call guarded as the store's own calls are. */
  @Override
  public Optional<OutboxStore> outbox() {
    return store.outbox().map(outbox -> new GuardedOutbox(outbox, this::requireConnected));
  }

  /** The store's subscribers, each call guarded as the store's own calls are. */
  @Override
  public Optional<SubscriberStore> subscribers() {
    return store.subscribers().map(subscribers -> new GuardedSubscribers(subscribers, this::requireConnected));
  }

  @Override
  public String toString() {
    return describe();
  }
}
