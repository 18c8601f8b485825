package dev.trafficstatus.store.jdbi;

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
 * The notices of a {@link JdbiStatusStore}: each call goes through the store's error boundary, so
 * failures are store exceptions saying what was being done (a {@link
 * dev.trafficstatus.spi.store.ConcurrentChangeException} passes as it is), and calls before the
 * store started are refused as the store's own are.
 */
final class JdbiNoticeStore implements NoticeStore {

  private final JdbiStatusStore store;

  JdbiNoticeStore(JdbiStatusStore store) {
    this.store = store;
  }

  @Override
  public List<Notice> current(Instant closedSince) {
    Objects.requireNonNull(closedSince, "closedSince");
    return store.call("reading current notices", running -> running.notices().current(closedSince));
  }

  @Override
  public List<Notice> closedBetween(Instant from, Instant to, int limit) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return store.call(
        "reading notices closed from " + from + " to " + to,
        running -> running.notices().closedBetween(from, to, limit));
  }

  @Override
  public Optional<Notice> find(String id) {
    Objects.requireNonNull(id, "id");
    return store.call("reading notice " + id, running -> running.notices().find(id));
  }

  @Override
  public Notice save(Notice notice, List<OutboxEvent> events) {
    Objects.requireNonNull(notice, "notice");
    List<OutboxEvent> copied = List.copyOf(events);
    return store.call(
        "saving notice " + notice.id() + " with " + copied.size() + " events",
        running -> running.notices().save(notice, copied));
  }

  @Override
  public boolean delete(String id, List<OutboxEvent> events) {
    Objects.requireNonNull(id, "id");
    List<OutboxEvent> copied = List.copyOf(events);
    return store.call("deleting notice " + id, running -> running.notices().delete(id, copied));
  }

  @Override
  public void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
    Objects.requireNonNull(noticeId, "noticeId");
    List<DayBucket> copied = List.copyOf(tallies);
    store.call(
        "recording " + copied.size() + " window tallies of notice " + noticeId,
        running -> {
          running.notices().recordWindowTallies(noticeId, copied);
          return null;
        });
  }

  @Override
  public List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    return store.call(
        "reading window tallies of " + first + " to " + last,
        running -> running.notices().windowTallies(first, last));
  }

  @Override
  public int deleteClosedBefore(Instant before) {
    Objects.requireNonNull(before, "before");
    return store.call(
        "deleting notices closed before " + before,
        running -> running.notices().deleteClosedBefore(before));
  }
}
