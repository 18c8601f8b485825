package dev.trafficstatus.core.testing;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notices and the outbox in memory, with the store's versioning; for the core's tests. */
public final class InMemoryNotices implements NoticeStore {

  private final Map<String, Notice> notices = new LinkedHashMap<>();
  private final List<OutboxEvent> outbox = new ArrayList<>();
  private final List<WindowTally> windowTallies = new ArrayList<>();

  /** Every event written, oldest first. */
  public synchronized List<OutboxEvent> outbox() {
    return List.copyOf(outbox);
  }

  @Override
  public synchronized List<Notice> current(Instant closedSince) {
    return notices.values().stream()
        .filter(n -> n.isOpen() || !n.resolvedAt().isBefore(closedSince))
        .sorted(Comparator.comparing(Notice::startedAt).reversed())
        .toList();
  }

  @Override
  public synchronized List<Notice> closedBetween(Instant from, Instant to, int limit) {
    return notices.values().stream()
        .filter(n -> !n.isOpen() && !n.resolvedAt().isBefore(from) && n.resolvedAt().isBefore(to))
        .sorted(Comparator.comparing(Notice::resolvedAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<Notice> find(String id) {
    return Optional.ofNullable(notices.get(id));
  }

  @Override
  public synchronized Notice save(Notice notice, List<OutboxEvent> events) {
    Notice stored = notices.get(notice.id());
    long storedVersion = stored == null ? 0 : stored.version();
    if (storedVersion != notice.version()) {
      throw new ConcurrentChangeException(
          "notice " + notice.id() + " is at version " + storedVersion + ", not " + notice.version());
    }
    Notice saved =
        new Notice(notice.id(), notice.kind(), notice.name(), notice.status(), notice.impact(),
            notice.automatic(), notice.handledByPerson(), notice.createdAt(), notice.startedAt(),
            notice.updatedAt(), notice.monitoringAt(), notice.resolvedAt(), notice.scheduledFor(),
            notice.scheduledUntil(), notice.affected(), notice.updates(), storedVersion + 1);
    notices.put(saved.id(), saved);
    outbox.addAll(events);
    return saved;
  }

  @Override
  public synchronized boolean delete(String id, List<OutboxEvent> events) {
    boolean deleted = notices.remove(id) != null;
    if (deleted) {
      outbox.addAll(events);
    }
    return deleted;
  }

  @Override
  public synchronized void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
    windowTallies.removeIf(tally -> tally.noticeId().equals(noticeId));
    tallies.forEach(bucket -> windowTallies.add(new WindowTally(noticeId, bucket)));
  }

  @Override
  public synchronized List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
    return windowTallies.stream()
        .filter(t -> !t.bucket().day().isBefore(first) && !t.bucket().day().isAfter(last))
        .toList();
  }

  @Override
  public synchronized int deleteClosedBefore(Instant before) {
    int size = notices.size();
    notices.values().removeIf(n -> !n.isOpen() && n.resolvedAt().isBefore(before));
    return size - notices.size();
  }
}
