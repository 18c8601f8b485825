package dev.trafficstatus.core.status;

import dev.trafficstatus.core.testing.InMemoryNotices;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Notices in memory, watched: which thread read what, and a gate that holds reads (a database that
 * does not answer) or a switch that fails them (one that is down).
 */
final class WatchedNotices implements NoticeStore {

  private final InMemoryNotices notices = new InMemoryNotices();
  private final List<String> reads = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate;
  private volatile boolean down;

  /** Every read so far, as "thread: what". */
  List<String> reads() {
    return List.copyOf(reads);
  }

  /** Reads from now on wait until {@link #open()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  /** Lets held reads go on. */
  void open() {
    CountDownLatch held = gate;
    gate = null;
    if (held != null) {
      held.countDown();
    }
  }

  /** Makes reads fail like an unreachable database, or work again. */
  void down(boolean down) {
    this.down = down;
  }

  private void reading(String what) {
    reads.add(Thread.currentThread().getName() + ": " + what);
    CountDownLatch held = gate;
    if (held != null) {
      try {
        held.await();
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted", stopping);
      }
    }
    if (down) {
      throw new StoreException("connection refused", null);
    }
  }

  @Override
  public List<Notice> current(Instant closedSince) {
    reading("current");
    return notices.current(closedSince);
  }

  @Override
  public List<Notice> closedBetween(Instant from, Instant to, int limit) {
    reading("closedBetween " + from + " " + to);
    return notices.closedBetween(from, to, limit);
  }

  @Override
  public Optional<Notice> find(String id) {
    reading("find " + id);
    return notices.find(id);
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
}
