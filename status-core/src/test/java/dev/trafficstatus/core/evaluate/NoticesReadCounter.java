package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A store that counts how many notices its readers are handed: what reading them costs. */
final class NoticesReadCounter implements StatusStore {

  private final StatusStore store;
  private final AtomicLong noticesRead = new AtomicLong();

  NoticesReadCounter(StatusStore store) {
    this.store = store;
  }

  long noticesRead() {
    return noticesRead.get();
  }

  private List<Notice> counted(List<Notice> read) {
    noticesRead.addAndGet(read.size());
    return read;
  }

  @Override
  public Optional<NoticeStore> notices() {
    NoticeStore notices = store.notices().orElseThrow();
    return Optional.of(new NoticeStore() {
      @Override
      public List<Notice> current(Instant closedSince) {
        return counted(notices.current(closedSince));
      }

      @Override
      public List<Notice> closedBetween(Instant from, Instant to, int limit) {
        return counted(notices.closedBetween(from, to, limit));
      }

      @Override
      public Optional<Notice> find(String id) {
        Optional<Notice> found = notices.find(id);
        found.ifPresent(n -> noticesRead.incrementAndGet());
        return found;
      }

      @Override
      public Notice save(Notice notice, List<OutboxEvent> events) {
        return notices.save(notice, events);
      }

      @Override
      public boolean delete(String id, List<OutboxEvent> events) {
        return notices.delete(id, events);
      }

      @Override
      public void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
        notices.recordWindowTallies(noticeId, tallies);
      }

      @Override
      public List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
        return notices.windowTallies(first, last);
      }

      @Override
      public int deleteClosedBefore(Instant before) {
        return notices.deleteClosedBefore(before);
      }
    });
  }

  @Override
  public String describe() {
    return store.describe();
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
    return store.routes();
  }

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    return store.readDays(first, last);
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    return store.readSince(from);
  }

  @Override
  public List<RouteTally> readBetween(Instant from, Instant to) {
    return store.readBetween(from, to);
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

  @Override
  public <T> Optional<T> runExclusive(String duty, Supplier<T> work) {
    return store.runExclusive(duty, work);
  }
}
