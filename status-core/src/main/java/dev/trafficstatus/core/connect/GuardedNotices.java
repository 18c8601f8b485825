package dev.trafficstatus.core.connect;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The started store's notices, failing as an outage would until the store has started ({@link
 * ConnectingStore#notices()}).
 */
final class GuardedNotices implements NoticeStore {
  private final NoticeStore notices;
  private final Runnable requireConnected;

  /**
   * Guards a store part.
   *
   * @param notices the started store's
   * @param requireConnected throws a {@link dev.trafficstatus.spi.store.StoreException} while the
   *     store has not started
   */
  GuardedNotices(NoticeStore notices, Runnable requireConnected) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.requireConnected = Objects.requireNonNull(requireConnected, "requireConnected");
  }

  @Override
  public List<Notice> current(Instant closedSince) {
    requireConnected.run();
    return notices.current(closedSince);
  }

  @Override
  public List<Notice> closedBetween(Instant from, Instant to, int limit) {
    requireConnected.run();
    return notices.closedBetween(from, to, limit);
  }

  @Override
  public Optional<Notice> find(String id) {
    requireConnected.run();
    return notices.find(id);
  }

  @Override
  public Notice save(Notice notice, List<OutboxEvent> events) {
    requireConnected.run();
    return notices.save(notice, events);
  }

  @Override
  public boolean delete(String id, List<OutboxEvent> events) {
    requireConnected.run();
    return notices.delete(id, events);
  }

  @Override
  public void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
    requireConnected.run();
    notices.recordWindowTallies(noticeId, tallies);
  }

  @Override
  public List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
    requireConnected.run();
    return notices.windowTallies(first, last);
  }

  @Override
  public int deleteClosedBefore(Instant before) {
    requireConnected.run();
    return notices.deleteClosedBefore(before);
  }
}
