package dev.trafficstatus.server.page;

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
import dev.trafficstatus.spi.store.Tally;
import java.net.ConnectException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store in memory whose reads can hang, like a PostgreSQL that accepts connections and never
 * answers, or fail, like one that is down; writes and pings always work, so only the page's reads
 * are affected. Counts the day reads that started. For app tests, through {@link
 * GatedStoreFactory}.
 */
final class GatedStore implements StatusStore {

  private record MinuteKey(RouteKey route, Instant minute, String instance) {}

  private final Map<RouteKey, StoredRoute> routes = new TreeMap<>();
  private final Map<MinuteKey, Tally> minutes = new HashMap<>();
  private final AtomicInteger dayReads = new AtomicInteger();
  private volatile CountDownLatch gate;
  private volatile boolean down;

  /**
   * @param hung whether reads hang from the start
   */
  GatedStore(boolean hung) {
    if (hung) {
      hang();
    }
  }

  /** From now on reads wait until {@link #answer()}. */
  void hang() {
    gate = new CountDownLatch(1);
  }

  /** Lets waiting reads go on, and later ones pass. */
  void answer() {
    CountDownLatch closed = gate;
    gate = null;
    if (closed != null) {
      closed.countDown();
    }
  }

  /** Reads fail at once while down, as with a refused connection. */
  void down(boolean down) {
    this.down = down;
  }

  /** The day reads that started, hung ones included. */
  int dayReads() {
    return dayReads.get();
  }

  private void pass(String doing) {
    CountDownLatch closed = gate;
    if (closed != null) {
      try {
        closed.await();
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        throw new StoreException(doing, stopped);
      }
    }
    if (down) {
      throw new StoreException(doing, new ConnectException("Connection refused"));
    }
  }

  @Override
  public void stop() {
    answer();
  }

  @Override
  public String describe() {
    return "gated: in memory";
  }

  @Override
  public synchronized void declareRoutes(Collection<RouteDescriptor> declared) {
    for (RouteDescriptor route : declared) {
      routes.putIfAbsent(route.key(), new StoredRoute(
          route.key(), route.name(), route.doc(), route.group(), false, false, route.restricted()));
    }
  }

  @Override
  public synchronized void writeMinutes(Collection<MinuteBucket> buckets) {
    for (MinuteBucket bucket : buckets) {
      if (routes.containsKey(bucket.route())) {
        minutes.put(new MinuteKey(bucket.route(), bucket.minute(), bucket.instance()), bucket.tally());
      }
    }
  }

  @Override
  public List<StoredRoute> routes() {
    pass("listing routes");
    synchronized (this) {
      return List.copyOf(routes.values());
    }
  }

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    dayReads.incrementAndGet();
    pass("reading days");
    Map<RouteKey, Map<LocalDate, Tally>> sums = new HashMap<>();
    synchronized (this) {
      minutes.forEach((key, tally) -> {
        LocalDate day = LocalDate.ofInstant(key.minute(), ZoneOffset.UTC);
        if (!day.isBefore(first) && !day.isAfter(last)) {
          sums.computeIfAbsent(key.route(), r -> new HashMap<>()).merge(day, tally, Tally::plus);
        }
      });
    }
    List<DayBucket> out = new ArrayList<>();
    sums.forEach((route, days) -> days.forEach((day, tally) -> out.add(new DayBucket(route, day, tally))));
    return out;
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    pass("reading recent minutes");
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Map<RouteKey, Tally> sums = new HashMap<>();
    synchronized (this) {
      minutes.forEach((key, tally) -> {
        if (!key.minute().isBefore(start)) {
          sums.merge(key.route(), tally, Tally::plus);
        }
      });
    }
    return sums.entrySet().stream().map(e -> new RouteTally(e.getKey(), e.getValue())).toList();
  }

  @Override
  public Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    throw new UnsupportedOperationException("the page tests edit no route");
  }

  @Override
  public boolean deleteRoute(RouteKey key) {
    throw new UnsupportedOperationException("the page tests delete no route");
  }

  @Override
  public boolean restoreRoute(RouteKey key, Instant now) {
    throw new UnsupportedOperationException("the page tests restore no route");
  }

  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    return new MaintenanceReport(true, 0, 0, 0);
  }

  @Override
  public void ping() {
    // Health checks always pass: only the page's reads are gated.
  }
}
