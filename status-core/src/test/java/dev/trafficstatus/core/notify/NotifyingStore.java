package dev.trafficstatus.core.notify;

import dev.trafficstatus.core.testing.InMemoryNotices;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
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

/**
 * A store in memory with notices and the outbox: a notice's events reach the outbox when it is
 * saved, as a real store writes them in the save's transaction. Figures are {@link InMemoryStore}'s.
 */
final class NotifyingStore implements StatusStore {

  private final InMemoryStore figures = new InMemoryStore();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final NoticeStore notices = new OutboxNotices(new InMemoryNotices(), outbox);

  /** The outbox, with its test switches. */
  InMemoryOutbox memoryOutbox() {
    return outbox;
  }

  @Override
  public Optional<NoticeStore> notices() {
    return Optional.of(notices);
  }

  @Override
  public Optional<OutboxStore> outbox() {
    return Optional.of(outbox);
  }

  @Override
  public String describe() {
    return "notifying in-memory store";
  }

  @Override
  public void declareRoutes(Collection<RouteDescriptor> routes) {
    figures.declareRoutes(routes);
  }

  @Override
  public void writeMinutes(Collection<MinuteBucket> buckets) {
    figures.writeMinutes(buckets);
  }

  @Override
  public List<StoredRoute> routes() {
    return figures.routes();
  }

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    return figures.readDays(first, last);
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    return figures.readSince(from);
  }

  @Override
  public Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    return figures.editRoute(key, edit);
  }

  @Override
  public boolean deleteRoute(RouteKey key) {
    return figures.deleteRoute(key);
  }

  @Override
  public boolean restoreRoute(RouteKey key, Instant now) {
    return figures.restoreRoute(key, now);
  }

  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    return figures.maintain(now, retention);
  }

  @Override
  public void ping() {
    figures.ping();
  }

  /** Notices whose saves put their events into the outbox. */
  private static final class OutboxNotices implements NoticeStore {
    private final InMemoryNotices notices;
    private final InMemoryOutbox outbox;

    OutboxNotices(InMemoryNotices notices, InMemoryOutbox outbox) {
      this.notices = notices;
      this.outbox = outbox;
    }

    @Override
    public List<Notice> current(Instant closedSince) {
      return notices.current(closedSince);
    }

    @Override
    public List<Notice> closedBetween(Instant from, Instant to, int limit) {
      return notices.closedBetween(from, to, limit);
    }

    @Override
    public Optional<Notice> find(String id) {
      return notices.find(id);
    }

    @Override
    public synchronized Notice save(Notice notice, List<OutboxEvent> events) {
      Notice saved = notices.save(notice, events);
      outbox.append(events);
      return saved;
    }

    @Override
    public synchronized boolean delete(String id, List<OutboxEvent> events) {
      boolean deleted = notices.delete(id, events);
      if (deleted) {
        outbox.append(events);
      }
      return deleted;
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
  }
}
