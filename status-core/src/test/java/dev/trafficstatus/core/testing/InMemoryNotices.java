package dev.trafficstatus.core.testing;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.WindowTally;
import java.net.ConnectException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Notices and the outbox in memory, with the store's versioning; for the core's tests. Saves can be
 * made to fail after a number of them, like a process that dies in the middle of its work.
 */
public final class InMemoryNotices implements NoticeStore {

  private final Map<String, Notice> notices = new LinkedHashMap<>();
  private final List<OutboxEvent> outbox = new ArrayList<>();
  private final List<WindowTally> windowTallies = new ArrayList<>();
  private final Consumer<String> check;
  private int savesLeft = Integer.MAX_VALUE;

  /** Notices on their own, always answering. */
  public InMemoryNotices() {
    this(doing -> {});
  }

  /**
   * @param check called before every operation with what it does; throws to make it fail
   */
  InMemoryNotices(Consumer<String> check) {
    this.check = check;
  }

  /**
   * Lets this many more saves through, then fails every save (nothing written) until called again.
   *
   * @param saves how many saves succeed; {@code Integer.MAX_VALUE} for all
   */
  public synchronized void failSavesAfter(int saves) {
    this.savesLeft = saves;
  }

  /** Every notice kept, in the order they were first saved. */
  public synchronized List<Notice> all() {
    return List.copyOf(notices.values());
  }

  /** Every event written, oldest first. */
  public synchronized List<OutboxEvent> outbox() {
    return List.copyOf(outbox);
  }

  @Override
  public synchronized List<Notice> current(Instant closedSince) {
    check.accept("reading current notices");
    return notices.values().stream()
        .filter(n -> n.isOpen() || !n.resolvedAt().isBefore(closedSince))
        .sorted(Comparator.comparing(Notice::startedAt).reversed())
        .toList();
  }

  @Override
  public synchronized List<Notice> closedBetween(Instant from, Instant to, int limit) {
    check.accept("reading closed notices");
    return notices.values().stream()
        .filter(n -> !n.isOpen() && !n.resolvedAt().isBefore(from) && n.resolvedAt().isBefore(to))
        .sorted(Comparator.comparing(Notice::resolvedAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<Notice> find(String id) {
    check.accept("finding a notice");
    return Optional.ofNullable(notices.get(id));
  }

  @Override
  public synchronized Notice save(Notice notice, List<OutboxEvent> events) {
    check.accept("saving a notice");
    if (savesLeft <= 0) {
      throw new StoreException("saving a notice", new ConnectException("Connection reset"));
    }
    savesLeft--;
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
    check.accept("deleting a notice");
    boolean deleted = notices.remove(id) != null;
    if (deleted) {
      outbox.addAll(events);
    }
    return deleted;
  }

  @Override
  public synchronized void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
    check.accept("recording window tallies");
    windowTallies.removeIf(tally -> tally.noticeId().equals(noticeId));
    tallies.forEach(bucket -> windowTallies.add(new WindowTally(noticeId, bucket)));
  }

  @Override
  public synchronized List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
    check.accept("reading window tallies");
    return windowTallies.stream()
        .filter(t -> !t.bucket().day().isBefore(first) && !t.bucket().day().isAfter(last))
        .toList();
  }

  @Override
  public synchronized int deleteClosedBefore(Instant before) {
    check.accept("deleting old notices");
    int size = notices.size();
    notices.values().removeIf(n -> !n.isOpen() && n.resolvedAt().isBefore(before));
    windowTallies.removeIf(t -> !notices.containsKey(t.noticeId()));
    return size - notices.size();
  }
}
