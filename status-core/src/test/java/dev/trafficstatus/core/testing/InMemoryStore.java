package dev.trafficstatus.core.testing;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.HourVersions;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.SubscriberStore;
import dev.trafficstatus.testkit.InMemorySubscribers;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fake store for core unit tests: the contract of {@link StatusStore} in maps (checked by
 * {@code InMemoryStoreContractTest} against the test kit's contract), with a switch that makes
 * every call fail like an unreachable database. Real stores are tested against real databases in
 * their own modules.
 *
 * <p>Minute buckets are kept until maintenance prunes them past retention; a pruned day's buckets
 * are summed into a day tally first, so days read the same before and after.
 *
 * <p>Day versions ({@link #dayVersions}) and hour versions ({@link #hourVersions}) are off until
 * {@link #keepDayVersions} switches them on: then every day has one, moved by every change to the
 * day's figures, and every hour one, moved by every write into it and by every other change to
 * its day (a deleted route's history, minutes pruned or expired).
 */
public final class InMemoryStore implements StatusStore {

  private record MinuteKey(RouteKey route, Instant minute, String instance) {
    LocalDate day() {
      return LocalDate.ofInstant(minute, ZoneOffset.UTC);
    }
  }

  private record RouteDay(RouteKey route, LocalDate day) {}

  private final Map<RouteKey, StoredRoute> routes = new TreeMap<>();
  private final Map<MinuteKey, Tally> minutes = new HashMap<>();
  private final Map<RouteDay, Tally> prunedDays = new HashMap<>();
  private final Map<RouteKey, Instant> countsFrom = new HashMap<>();
  private final Map<LocalDate, Long> versions = new HashMap<>();
  private final Map<LocalDate, Long> dayMoves = new HashMap<>();
  private final Map<Instant, Long> hourWrites = new HashMap<>();
  private final InMemorySubscribers subscribers = new InMemorySubscribers();
  private final InMemoryOutbox outbox = new InMemoryOutbox(this::check);
  private final InMemoryNotices notices = new InMemoryNotices(outbox, this::check);
  private final InMemoryInstances instances = new InMemoryInstances(this::check);
  private volatile boolean down;
  private volatile NoticeStore watchedNotices;
  private boolean keepDayVersions;
  private int writeCalls;
  private int dayReads;
  private List<LocalDate> lastDaysRead = List.of();
  private final List<List<LocalDate>> daysRead = new ArrayList<>();
  private final List<List<Instant>> rangesRead = new ArrayList<>();

  /**
   * Offers day versions from now on, or stops offering them.
   *
   * @param keep true to offer them
   */
  public synchronized void keepDayVersions(boolean keep) {
    this.keepDayVersions = keep;
  }

  /**
   * Makes every call fail from now on, or work again.
   *
   * @param down true to fail like an unreachable database
   */
  public synchronized void down(boolean down) {
    this.down = down;
  }

  /**
   * Keeps notices in the given store from now on ({@link #notices()}) instead of its own, for
   * tests that watch or hold the reads.
   *
   * @param notices the notices
   * @return this store
   */
  public InMemoryStore withNotices(NoticeStore notices) {
    this.watchedNotices = notices;
    return this;
  }

  /** How many times {@code writeMinutes} was called, failed calls included. */
  public synchronized int writeCalls() {
    return writeCalls;
  }

  /** How many times {@code readDays} was called, failed calls included. */
  public synchronized int dayReads() {
    return dayReads;
  }

  /** The first and last day of the latest {@code readDays}; empty before any. */
  public synchronized List<LocalDate> lastDaysRead() {
    return lastDaysRead;
  }

  /** The start and end of every {@code readBetween} since the last call of this method, in order. */
  public synchronized List<List<Instant>> rangesReadSinceAsked() {
    List<List<Instant>> read = List.copyOf(rangesRead);
    rangesRead.clear();
    return read;
  }

  /** The first and last day of every {@code readDays} since the last call, in order. */
  public synchronized List<List<LocalDate>> daysReadSinceAsked() {
    List<List<LocalDate>> read = List.copyOf(daysRead);
    daysRead.clear();
    return read;
  }

  /** How many minute buckets are kept. */
  public synchronized int minuteRows() {
    return minutes.size();
  }

  private void check(String doing) {
    if (down) {
      throw new StoreException(doing, new ConnectException("Connection refused"));
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
        routes.put(d.key(), new StoredRoute(d.key(), d.name(), d.doc(), d.group(), false, false, d.restricted()));
      } else if (known.hidden()) {
        // A deleted route keeps its name, doc and group; how protected it is follows its host.
        routes.put(d.key(), withRestricted(known, d.restricted()));
      } else {
        routes.put(
            d.key(),
            known.edited()
                ? new StoredRoute(d.key(), known.name(), known.doc(), d.group(), false, true, d.restricted())
                : new StoredRoute(d.key(), d.name(), d.doc(), d.group(), false, false, d.restricted()));
      }
    }
  }

  private static StoredRoute withRestricted(StoredRoute route, boolean restricted) {
    return new StoredRoute(
        route.key(), route.name(), route.doc(), route.group(), route.hidden(), route.edited(), restricted);
  }

  @Override
  public synchronized void writeMinutes(Collection<MinuteBucket> buckets) {
    writeCalls++;
    check("writing " + buckets.size() + " minute buckets");
    for (MinuteBucket b : buckets) {
      StoredRoute route = routes.get(b.route());
      Instant from = countsFrom.getOrDefault(b.route(), Instant.MIN);
      if (route != null && !route.hidden() && !b.minute().isBefore(from)) {
        MinuteKey key = new MinuteKey(b.route(), b.minute(), b.instance());
        minutes.put(key, b.tally());
        versions.merge(key.day(), 1L, Long::sum);
        hourWrites.merge(key.minute().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
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
    daysRead.add(lastDaysRead);
    check("reading days");
    Map<RouteDay, Tally> sums = new HashMap<>();
    prunedDays.forEach(
        (key, tally) -> {
          if (!key.day().isBefore(first) && !key.day().isAfter(last)) {
            sums.merge(key, tally, Tally::plus);
          }
        });
    minutes.forEach(
        (key, tally) -> {
          LocalDate day = key.day();
          if (!day.isBefore(first) && !day.isAfter(last)) {
            sums.merge(new RouteDay(key.route(), day), tally, Tally::plus);
          }
        });
    List<DayBucket> out = new ArrayList<>();
    sums.forEach(
        (key, tally) -> {
          if (tally.total() > 0) {
            out.add(new DayBucket(key.route(), key.day(), tally));
          }
        });
    return out;
  }

  @Override
  public synchronized Optional<DayVersions> dayVersions(LocalDate first, LocalDate last) {
    if (!keepDayVersions) {
      return Optional.empty();
    }
    check("reading day versions");
    Map<LocalDate, Long> answer = new HashMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      answer.put(day, versions.getOrDefault(day, 0L));
    }
    return Optional.of(new DayVersions(answer));
  }

  @Override
  public synchronized Optional<HourVersions> hourVersions(Instant from, Instant to) {
    if (!keepDayVersions) {
      return Optional.empty();
    }
    check("reading hour versions");
    Map<Instant, Long> answer = new HashMap<>();
    for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
      long moves = dayMoves.getOrDefault(LocalDate.ofInstant(hour, ZoneOffset.UTC), 0L);
      answer.put(hour, (moves << 32) + hourWrites.getOrDefault(hour, 0L));
    }
    return Optional.of(new HourVersions(answer));
  }

  private void changed(LocalDate day) {
    versions.merge(day, 1L, Long::sum);
    dayMoves.merge(day, 1L, Long::sum);
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
    sums.forEach(
        (route, t) -> {
          if (t.total() > 0) {
            out.add(new RouteTally(route, t));
          }
        });
    return out;
  }

  /**
   * Sums the minute buckets of {@code [from, to)}, and the pruned days wholly inside it (their
   * minutes are gone, as a real store's are past retention).
   */
  @Override
  public synchronized List<RouteTally> readBetween(Instant from, Instant to) {
    check("reading a range of minutes");
    rangesRead.add(List.of(from, to));
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Instant end = to.truncatedTo(ChronoUnit.MINUTES);
    Map<RouteKey, Tally> sums = new HashMap<>();
    minutes.forEach(
        (key, tally) -> {
          if (!key.minute().isBefore(start) && key.minute().isBefore(end)) {
            sums.merge(key.route(), tally, Tally::plus);
          }
        });
    prunedDays.forEach(
        (key, tally) -> {
          Instant dayStart = key.day().atStartOfDay(ZoneOffset.UTC).toInstant();
          if (!dayStart.isBefore(start) && !dayStart.plus(1, ChronoUnit.DAYS).isAfter(end)) {
            sums.merge(key.route(), tally, Tally::plus);
          }
        });
    List<RouteTally> out = new ArrayList<>();
    sums.forEach(
        (route, tally) -> {
          if (tally.total() > 0) {
            out.add(new RouteTally(route, tally));
          }
        });
    return out;
  }

  /** The sum of every minute bucket of a route, over all instances. */
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
    if (edit.name() == null && edit.doc() == null) {
      return Optional.of(known);
    }
    StoredRoute edited =
        new StoredRoute(
            key,
            edit.name() == null ? known.name() : edit.name(),
            edit.doc() == null ? known.doc() : edit.doc(),
            known.group(),
            false,
            true,
            known.restricted());
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
    routes.put(
        key,
        new StoredRoute(key, known.name(), known.doc(), known.group(), true, known.edited(), known.restricted()));
    deleteHistory(key);
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
    routes.put(
        key,
        new StoredRoute(key, known.name(), known.doc(), known.group(), false, known.edited(), known.restricted()));
    deleteHistory(key);
    return true;
  }

  private void deleteHistory(RouteKey key) {
    Set<LocalDate> days = new HashSet<>();
    minutes.keySet().stream().filter(k -> k.route().equals(key)).forEach(k -> days.add(k.day()));
    prunedDays.keySet().stream().filter(k -> k.route().equals(key)).forEach(k -> days.add(k.day()));
    days.forEach(this::changed);
    minutes.keySet().removeIf(k -> k.route().equals(key));
    prunedDays.keySet().removeIf(k -> k.route().equals(key));
  }

  /**
   * Prunes minute buckets of the days before {@code now - retention.minutes()} into day tallies,
   * and deletes day tallies before {@code now - retention.days()}: reads change only by what falls
   * out of retention.
   */
  @Override
  public synchronized MaintenanceReport maintain(Instant now, Retention retention) {
    check("maintenance");
    LocalDate pruneBefore = LocalDate.ofInstant(now.minus(retention.minutes()), ZoneOffset.UTC);
    LocalDate expireBefore = LocalDate.ofInstant(now.minus(retention.days()), ZoneOffset.UTC);
    Set<LocalDate> daysRolledUp = new HashSet<>();
    long minutesDeleted = 0;
    for (Iterator<Map.Entry<MinuteKey, Tally>> it = minutes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<MinuteKey, Tally> entry = it.next();
      LocalDate day = entry.getKey().day();
      if (day.isBefore(pruneBefore)) {
        if (!day.isBefore(expireBefore)) {
          prunedDays.merge(new RouteDay(entry.getKey().route(), day), entry.getValue(), Tally::plus);
          daysRolledUp.add(day);
          // Days read the same, but a range inside the day now reads nothing: its minutes are gone.
          dayMoves.merge(day, 1L, Long::sum);
        } else {
          changed(day);
        }
        it.remove();
        minutesDeleted++;
      }
    }
    int before = prunedDays.size();
    prunedDays.keySet().stream()
        .map(RouteDay::day)
        .filter(day -> day.isBefore(expireBefore))
        .toList()
        .forEach(this::changed);
    prunedDays.keySet().removeIf(key -> key.day().isBefore(expireBefore));
    instances.forget(now, retention);
    return new MaintenanceReport(true, daysRolledUp.size(), minutesDeleted, before - prunedDays.size());
  }

  @Override
  public void ping() {
    check("ping");
  }

  /**
   * The notices as kept, for tests that look at them all or make saves fail.
   *
   * @return the fake notice store
   */
  public InMemoryNotices noticeStore() {
    return notices;
  }

  /** Notices in memory, failing with the rest of the store while it is {@link #down}. */
  @Override
  public Optional<NoticeStore> notices() {
    NoticeStore watched = watchedNotices;
    return Optional.of(watched != null ? watched : notices);
  }

  /** The outbox in memory, failing with the rest of the store while it is {@link #down}. */
  @Override
  public Optional<OutboxStore> outbox() {
    return Optional.of(outbox);
  }

  /** Instances and deploys in memory, failing with the rest of the store while it is {@link #down}. */
  @Override
  public Optional<InstanceStore> instances() {
    return Optional.of(instances);
  }

  /** The test kit's subscribers in memory. */
  @Override
  public Optional<SubscriberStore> subscribers() {
    return Optional.of(subscribers);
  }
}
