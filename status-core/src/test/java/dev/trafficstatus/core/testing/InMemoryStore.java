package dev.trafficstatus.core.testing;

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

/**
 * A fake store for core unit tests: the contract of {@link StatusStore} in maps, with a switch
 * that makes every call fail like an unreachable database. Real stores are tested against real
 * databases in their own modules.
 */
public final class InMemoryStore implements StatusStore {

  private record MinuteKey(RouteKey route, Instant minute, String instance) {}

  private final Map<RouteKey, StoredRoute> routes = new TreeMap<>();
  private final Map<MinuteKey, Tally> minutes = new HashMap<>();
  private final Map<RouteKey, Instant> countsFrom = new HashMap<>();
  private volatile boolean down;
  private int writeCalls;
  private int dayReads;
  private List<LocalDate> lastDaysRead = List.of();

  public synchronized void down(boolean down) {
    this.down = down;
  }

  public synchronized int writeCalls() {
    return writeCalls;
  }

  public synchronized int dayReads() {
    return dayReads;
  }

  /** The first and last day of the latest {@code readDays}; empty before any. */
  public synchronized List<LocalDate> lastDaysRead() {
    return lastDaysRead;
  }

  public synchronized int minuteRows() {
    return minutes.size();
  }

  private void check(String doing) {
    if (down) {
      throw new StoreException(doing, new java.net.ConnectException("Connection refused"));
    }
  }

  @Override
  public String describe() {
    return "in-memory fake";
  }

  @Override
  public synchronized void declareRoutes(Collection<RouteDescriptor> declared) {
    check("declaring routes");
    for (RouteDescriptor d : declared) {
      StoredRoute known = routes.get(d.key());
      if (known == null) {
        routes.put(d.key(), new StoredRoute(d.key(), d.name(), d.doc(), d.group(), false, false));
      } else if (!known.hidden()) {
        routes.put(
            d.key(),
            known.edited()
                ? new StoredRoute(d.key(), known.name(), known.doc(), d.group(), false, true)
                : new StoredRoute(d.key(), d.name(), d.doc(), d.group(), false, false));
      }
    }
  }

  @Override
  public synchronized void writeMinutes(Collection<MinuteBucket> buckets) {
    writeCalls++;
    check("writing " + buckets.size() + " minute buckets");
    for (MinuteBucket b : buckets) {
      StoredRoute route = routes.get(b.route());
      Instant from = countsFrom.getOrDefault(b.route(), Instant.MIN);
      if (route != null && !route.hidden() && !b.minute().isBefore(from)) {
        minutes.put(new MinuteKey(b.route(), b.minute(), b.instance()), b.tally());
      }
    }
  }

  @Override
  public synchronized List<StoredRoute> routes() {
    check("listing routes");
    return List.copyOf(routes.values());
  }

  @Override
  public synchronized List<DayBucket> readDays(LocalDate first, LocalDate last) {
    dayReads++;
    lastDaysRead = List.of(first, last);
    check("reading days");
    Map<RouteKey, Map<LocalDate, Tally>> sums = new HashMap<>();
    minutes.forEach(
        (key, tally) -> {
          LocalDate day = LocalDate.ofInstant(key.minute(), ZoneOffset.UTC);
          if (!day.isBefore(first) && !day.isAfter(last)) {
            sums.computeIfAbsent(key.route(), r -> new HashMap<>()).merge(day, tally, Tally::plus);
          }
        });
    List<DayBucket> out = new ArrayList<>();
    sums.forEach((route, days) -> days.forEach((day, t) -> out.add(new DayBucket(route, day, t))));
    return out;
  }

  @Override
  public synchronized List<RouteTally> readSince(Instant from) {
    check("reading recent minutes");
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Map<RouteKey, Tally> sums = new HashMap<>();
    minutes.forEach(
        (key, tally) -> {
          if (!key.minute().isBefore(start)) {
            sums.merge(key.route(), tally, Tally::plus);
          }
        });
    List<RouteTally> out = new ArrayList<>();
    sums.forEach((route, t) -> out.add(new RouteTally(route, t)));
    return out;
  }

  /** The sum of every minute row of a route, over all instances. */
  public synchronized Tally total(RouteKey route) {
    Tally sum = Tally.empty();
    for (Map.Entry<MinuteKey, Tally> e : minutes.entrySet()) {
      if (e.getKey().route().equals(route)) {
        sum = sum.plus(e.getValue());
      }
    }
    return sum;
  }

  @Override
  public synchronized Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    check("editing a route");
    StoredRoute known = routes.get(key);
    if (known == null || known.hidden()) {
      return Optional.empty();
    }
    StoredRoute edited =
        new StoredRoute(
            key,
            edit.name() == null ? known.name() : edit.name(),
            edit.doc() == null ? known.doc() : edit.doc(),
            known.group(),
            false,
            true);
    routes.put(key, edited);
    return Optional.of(edited);
  }

  @Override
  public synchronized boolean deleteRoute(RouteKey key) {
    check("deleting a route");
    StoredRoute known = routes.get(key);
    if (known == null || known.hidden()) {
      return false;
    }
    routes.put(key, new StoredRoute(key, known.name(), known.doc(), known.group(), true, known.edited()));
    minutes.keySet().removeIf(k -> k.route().equals(key));
    return true;
  }

  @Override
  public synchronized boolean restoreRoute(RouteKey key, Instant now) {
    check("restoring a route");
    StoredRoute known = routes.get(key);
    if (known == null || !known.hidden()) {
      return false;
    }
    countsFrom.put(key, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
    routes.put(key, new StoredRoute(key, known.name(), known.doc(), known.group(), false, known.edited()));
    minutes.keySet().removeIf(k -> k.route().equals(key));
    return true;
  }

  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    check("maintenance");
    return new MaintenanceReport(true, 0, 0, 0);
  }

  @Override
  public void ping() {
    check("ping");
  }
}
