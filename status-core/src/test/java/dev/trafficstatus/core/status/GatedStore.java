package dev.trafficstatus.core.status;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory store behind a gate, like a database that accepts connections and never answers:
 * while the gate is closed, reads wait until it opens (or the reading thread is interrupted).
 * Counts the day reads that started, to show how often the page reads.
 */
final class GatedStore implements StatusStore {

  private final InMemoryStore store = new InMemoryStore();
  private final AtomicInteger dayReadsStarted = new AtomicInteger();
  private final Semaphore waiting = new Semaphore(0);
  /** What reads wait on while closed; null when open. */
  private volatile CountDownLatch gate;
  /** What {@link #open()} releases: the gate, also after a held read took it away. */
  private volatile CountDownLatch release = new CountDownLatch(0);
  private volatile boolean onlyNext;

  InMemoryStore inner() {
    return store;
  }

  /** Every read from now on waits until {@link #open()}. */
  void close() {
    onlyNext = false;
    release = new CountDownLatch(1);
    gate = release;
  }

  /** The next read waits until {@link #open()}; later ones pass. */
  void holdNextRead() {
    onlyNext = true;
    release = new CountDownLatch(1);
    gate = release;
  }

  /** Lets waiting reads go on, and later ones pass. */
  void open() {
    gate = null;
    release.countDown();
  }

  /** Waits, bounded, until a read waits at the gate. */
  boolean awaitWaitingRead(Duration limit) throws InterruptedException {
    return waiting.tryAcquire(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  int dayReadsStarted() {
    return dayReadsStarted.get();
  }

  private void pass(String doing) {
    CountDownLatch closed = gate;
    if (closed == null) {
      return;
    }
    if (onlyNext) {
      gate = null;
    }
    waiting.release();
    try {
      closed.await();
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      throw new StoreException(doing, stopped);
    }
  }

  @Override
  public String describe() {
    return "gated in-memory fake";
  }

  @Override
  public void declareRoutes(Collection<RouteDescriptor> routes) {
    store.declareRoutes(routes);
  }

  @Override
  public void writeMinutes(Collection<MinuteBucket> buckets) {
    store.writeMinutes(buckets);
  }

  @Override
  public List<StoredRoute> routes() {
    pass("listing routes");
    return store.routes();
  }

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    dayReadsStarted.incrementAndGet();
    pass("reading days");
    return store.readDays(first, last);
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    pass("reading recent minutes");
    return store.readSince(from);
  }

  @Override
  public Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    return store.editRoute(key, edit);
  }

  @Override
  public boolean deleteRoute(RouteKey key) {
    return store.deleteRoute(key);
  }

  @Override
  public boolean restoreRoute(RouteKey key, Instant now) {
    return store.restoreRoute(key, now);
  }

  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    return store.maintain(now, retention);
  }

  @Override
  public void ping() {
    store.ping();
  }
}
