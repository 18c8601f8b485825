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
 * Notices and the outbox in memory, with the store's versioning; for the core's tests, alone or
 * as the notices of {@link InMemoryStore} (which runs the test kit's contract on them). Saves can
 * be made to fail after a number of them, like a process that dies in the middle of its work.
 */
public final class InMemoryNotices implements NoticeStore {

  private static final Comparator<Notice> NEWEST_START_FIRST =
      Comparator.comparing(Notice::startedAt).reversed().thenComparing(Notice::id);

  private static final Comparator<Notice> NEWEST_CLOSING_FIRST =
      Comparator.comparing(Notice::resolvedAt)
          .reversed()
          .thenComparing(Notice::id, Comparator.reverseOrder());

  private final Map<String, Notice> notices = new LinkedHashMap<>();
  private final InMemoryOutbox outbox;
  private final List<WindowTally> windowTallies = new ArrayList<>();
  private final Consumer<String> availability;
  private int savesLeft = Integer.MAX_VALUE;

  /** Notices that are always available, with an outbox of their own. */
  public InMemoryNotices() {
    this(new InMemoryOutbox(doing -> {}), doing -> {});
  }

  /**
   * @param outbox where saves and deletes write their events
   * @param availability called before every call with what it does; throws a {@link
   *     dev.trafficstatus.spi.store.StoreException} while the "database" is down
   */
  public InMemoryNotices(InMemoryOutbox outbox, Consumer<String> availability) {
    this.outbox = outbox;
    this.availability = availability;
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
  public List<OutboxEvent> outbox() {
    return outbox.events();
  }

  @Override
  public synchronized List<Notice> current(Instant closedSince) {
    availability.accept("reading current notices");
    return notices.values().stream()
        .filter(n -> n.isOpen() || !n.resolvedAt().isBefore(closedSince))
        .sorted(NEWEST_START_FIRST)
        .toList();
  }

  @Override
  public synchronized List<Notice> closedBetween(Instant from, Instant to, int limit) {
    availability.accept("reading closed notices");
    return notices.values().stream()
        .filter(n -> !n.isOpen() && !n.resolvedAt().isBefore(from) && n.resolvedAt().isBefore(to))
        .sorted(NEWEST_CLOSING_FIRST)
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public synchronized Optional<Notice> find(String id) {
    availability.accept("reading a notice");
    return Optional.ofNullable(notices.get(id));
  }

  @Override
  public synchronized Notice save(Notice notice, List<OutboxEvent> events) {
    availability.accept("saving a notice");
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
    append(events);
    return saved;
  }

  @Override
  public synchronized boolean delete(String id, List<OutboxEvent> events) {
    availability.accept("deleting a notice");
    boolean deleted = notices.remove(id) != null;
    if (deleted) {
      windowTallies.removeIf(tally -> tally.noticeId().equals(id));
      append(events);
    }
    return deleted;
  }

  @Override
  public synchronized void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
    availability.accept("recording window tallies");
    if (!notices.containsKey(noticeId)) {
      return;
    }
    windowTallies.removeIf(tally -> tally.noticeId().equals(noticeId));
    tallies.forEach(bucket -> windowTallies.add(new WindowTally(noticeId, bucket)));
  }

  @Override
  public synchronized List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
    availability.accept("reading window tallies");
    return windowTallies.stream()
        .filter(t -> !t.bucket().day().isBefore(first) && !t.bucket().day().isAfter(last))
        .toList();
  }

  @Override
  public synchronized int deleteClosedBefore(Instant before) {
    availability.accept("deleting closed notices");
    int size = notices.size();
    notices.values().removeIf(n -> !n.isOpen() && n.resolvedAt().isBefore(before));
    windowTallies.removeIf(tally -> !notices.containsKey(tally.noticeId()));
    return size - notices.size();
  }

  /** Appends events unless an event with the same id is there already, as a store does. */
  private void append(List<OutboxEvent> events) {
    outbox.add(events);
  }
}
