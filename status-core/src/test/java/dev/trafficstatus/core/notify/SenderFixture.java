package dev.trafficstatus.core.notify;

import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.testing.InMemoryNotices;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * What the sender's tests share: the core's in-memory store with notices and the outbox, the one
 * writer of notices, a clock they move, and senders that are stopped after each test.
 */
final class SenderFixture implements AutoCloseable {

  static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  static final RouteKey SEARCH = new RouteKey("shop", "/search");
  static final String PAGE = "https://status.example.com/status";

  final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  final InMemoryStore store = new InMemoryStore();
  final OutboxStore outbox = store.outbox().orElseThrow();
  final RecordingLog log = new RecordingLog();
  final NoticeService notices =
      new NoticeService(
          store.notices().orElseThrow(),
          clock,
          new NoticeIds(RandomGenerator.of("L64X128MixRandom")),
          (type, notice) ->
              "{\"event\":\"" + type.wireName() + "\",\"incident\":{\"id\":\"" + notice.id()
                  + "\",\"status\":\"" + notice.status().wireName() + "\"}}",
          Duration.ofDays(1));
  private final List<NotificationSender> senders = new ArrayList<>();
  private final List<FakeReceiver> receivers = new ArrayList<>();

  /** Settings with the given attempts and waits, a 5 s timeout, route state changes off. */
  static NotificationSettings settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    return new NotificationSettings(
        true, Duration.ofSeconds(1), Duration.ofSeconds(5), maxAttempts, initialBackoff, maxBackoff,
        false);
  }

  /** A sender of this process, owner {@code i-1}. */
  NotificationSender sender(NotificationSettings settings, Notifier... notifiers) {
    return sender("i-1", settings, notifiers);
  }

  /** A sender of a process named {@code owner}. */
  NotificationSender sender(String owner, NotificationSettings settings, Notifier... notifiers) {
    for (Notifier notifier : notifiers) {
      if (notifier instanceof FakeReceiver fake) {
        receivers.add(fake);
      }
    }
    NotificationSender sender =
        new NotificationSender(
            store,
            List.of(notifiers),
            settings,
            id -> Optional.of(URI.create(PAGE + "/incidents/" + id)),
            Optional.empty(),
            clock,
            owner,
            RandomGenerator.of("L64X128MixRandom"),
            log);
    senders.add(sender);
    return sender;
  }

  /** One round, waited for (a liveness bound, not a speed verdict). */
  static void round(NotificationSender sender) throws Exception {
    sender.sendDue().get(30, TimeUnit.SECONDS);
  }

  /**
   * Waits until a condition holds, at most a bound (a liveness bound, not a speed verdict).
   *
   * @throws AssertionError naming the condition when it does not hold in time
   */
  static void await(String what, Duration bound, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + bound);
      }
      Thread.sleep(10);
    }
  }

  /** Rounds until nothing is due. */
  static void drain(NotificationSender sender) throws Exception {
    for (int i = 0; i < 20; i++) {
      round(sender);
    }
  }

  Notice open(String name, RouteKey route) {
    return notices.open(
        new NewIncident(
            name,
            NoticeStatus.INVESTIGATING,
            Impact.MAJOR,
            "We are looking into it.",
            List.of(new RouteState(route, Health.PARTIAL_OUTAGE)),
            null,
            false));
  }

  void update(Notice notice, NoticeStatus status, String body) {
    notices.change(notice.id(), NoticeChange.update(status, body, List.of(), false));
  }

  /** Every event written, oldest first. */
  List<OutboxEvent> events() {
    return ((InMemoryNotices) store.notices().orElseThrow()).outbox();
  }

  /** The events of a notice, oldest first. */
  List<OutboxEvent> eventsOf(Notice notice) {
    return events().stream().filter(e -> notice.id().equals(e.noticeId())).toList();
  }

  @Override
  public void close() throws Exception {
    receivers.forEach(FakeReceiver::release);
    for (NotificationSender sender : senders) {
      sender.stop();
    }
  }
}
