package dev.trafficstatus.core.testing;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The outbox in memory, with the store's rules (checked by the test kit's contract through {@link
 * InMemoryStore}): deliveries per event and receiver created at a receiver's first claim, one at a
 * time per receiver and notice in the order events were written, leases, the attempt log.
 */
public final class InMemoryOutbox implements OutboxStore {

  private static final int MAX_NAME_LENGTH = 200;

  /** An event with its place in the outbox. */
  private record Stored(long seq, OutboxEvent event) {
    String noticeKey() {
      return event.noticeId() == null ? "" : event.noticeId();
    }
  }

  private record Key(long seq, String receiver) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparingLong(Key::seq).thenComparing(Key::receiver);

  /** A delivery's state; changed only under the outbox's lock. */
  private static final class Pending {
    private boolean ended;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
  }

  private record Logged(long seq, DeliveryAttempt attempt) {}

  private final Map<Long, Stored> events = new TreeMap<>();
  private final Map<Key, Pending> deliveries = new TreeMap<>(ORDER);
  private final List<Logged> attempts = new ArrayList<>();
  private final Map<RouteKey, Health> routeStates = new HashMap<>();
  private final Set<String> firingAlerts = new HashSet<>();
  private final Consumer<String> availability;
  private long nextSeq = 1;

  /**
   * @param availability called before every call with what it does; throws a {@link
   *     dev.trafficstatus.spi.store.StoreException} while the "database" is down
   */
  public InMemoryOutbox(Consumer<String> availability) {
    this.availability = Objects.requireNonNull(availability, "availability");
  }

  /** Every event in the outbox, oldest first. */
  public synchronized List<OutboxEvent> events() {
    return events.values().stream().map(Stored::event).toList();
  }

  /** Adds events unless their id is there already; for the notices' saves, without a check. */
  synchronized void add(List<OutboxEvent> added) {
    for (OutboxEvent event : added) {
      if (events.values().stream().noneMatch(known -> known.event().id().equals(event.id()))) {
        events.put(nextSeq, new Stored(nextSeq, event));
        nextSeq++;
      }
    }
  }

  @Override
  public synchronized Map<RouteKey, Health> routeStates() {
    availability.accept("reading route states");
    return Map.copyOf(routeStates);
  }

  @Override
  public synchronized void recordRouteStates(Map<RouteKey, Health> states, Instant at, List<OutboxEvent> appended) {
    availability.accept("recording route states");
    routeStates.putAll(states);
    add(appended);
  }

  @Override
  public synchronized Set<String> firingAlerts() {
    availability.accept("reading alert states");
    return Set.copyOf(firingAlerts);
  }

  @Override
  public synchronized void recordAlerts(
      Set<String> started, Set<String> stopped, Instant at, List<OutboxEvent> appended) {
    availability.accept("recording alert states");
    firingAlerts.removeAll(stopped);
    firingAlerts.addAll(started);
    add(appended);
  }

  @Override
  public synchronized void append(List<OutboxEvent> appended) {
    availability.accept("appending events");
    add(appended);
  }

  @Override
  public synchronized List<Delivery> claim(
      Set<String> receivers,
      Instant since,
      Instant now,
      Instant leaseUntil,
      String owner,
      int limit) {
    receivers.forEach(InMemoryOutbox::checkName);
    checkName(owner);
    availability.accept("claiming deliveries");
    for (String receiver : new TreeSet<>(receivers)) {
      for (Stored stored : events.values()) {
        if (!stored.event().createdAt().isBefore(since)) {
          deliveries.putIfAbsent(new Key(stored.seq(), receiver), new Pending());
        }
      }
    }
    List<Delivery> claimed = new ArrayList<>();
    for (Map.Entry<Key, Pending> entry : deliveries.entrySet()) {
      Key key = entry.getKey();
      Pending pending = entry.getValue();
      Stored stored = events.get(key.seq());
      if (claimed.size() >= limit
          || !receivers.contains(key.receiver())
          || pending.ended
          || stored.event().createdAt().isBefore(since)
          || (pending.nextAttemptAt != null && pending.nextAttemptAt.isAfter(now))
          || (pending.leaseUntil != null && pending.leaseUntil.isAfter(now))
          || !isHead(key, stored, since)) {
        continue;
      }
      pending.leaseUntil = leaseUntil;
      claimed.add(new Delivery(stored.event(), key.receiver(), pending.attempts));
    }
    return claimed;
  }

  /** Whether no earlier delivery of the same receiver and notice is pending. */
  private boolean isHead(Key key, Stored stored, Instant since) {
    return deliveries.entrySet().stream()
        .filter(
            other ->
                other.getKey().seq() < key.seq()
                    && other.getKey().receiver().equals(key.receiver()))
        .filter(other -> !other.getValue().ended)
        .map(other -> events.get(other.getKey().seq()))
        .noneMatch(
            other ->
                other.noticeKey().equals(stored.noticeKey())
                    && !other.event().createdAt().isBefore(since));
  }

  private static void checkName(String name) {
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a name is 1 to " + MAX_NAME_LENGTH + " characters, got " + name.length());
    }
  }

  @Override
  public synchronized void record(DeliveryAttempt attempt) {
    availability.accept("recording an attempt");
    Stored stored =
        events.values().stream()
            .filter(e -> e.event().id().equals(attempt.eventId()))
            .findFirst()
            .orElse(null);
    if (stored == null) {
      return;
    }
    attempts.add(new Logged(stored.seq(), attempt));
    Pending pending = deliveries.get(new Key(stored.seq(), attempt.receiver()));
    if (pending != null && !pending.ended) {
      pending.ended = attempt.outcome() != DeliveryAttempt.Outcome.RETRY;
      pending.attempts = Math.max(pending.attempts, attempt.number());
      pending.nextAttemptAt = attempt.nextAttemptAt();
      pending.leaseUntil = null;
    }
  }

  @Override
  public synchronized List<DeliveryAttempt> attempts(String eventId) {
    availability.accept("reading attempts");
    return attempts.stream()
        .map(Logged::attempt)
        .filter(attempt -> attempt.eventId().equals(eventId))
        .sorted(Comparator.comparing(DeliveryAttempt::at))
        .toList();
  }

  @Override
  public synchronized List<OutboxEvent> events(String noticeId) {
    availability.accept("reading the events of a notice");
    Objects.requireNonNull(noticeId, "noticeId");
    return events.values().stream()
        .map(Stored::event)
        .filter(event -> noticeId.equals(event.noticeId()))
        .toList();
  }

  @Override
  public synchronized int deleteBefore(Instant before) {
    availability.accept("deleting old events");
    List<Long> old =
        events.values().stream()
            .filter(e -> e.event().createdAt().isBefore(before))
            .map(Stored::seq)
            .toList();
    old.forEach(events::remove);
    deliveries.keySet().removeIf(key -> !events.containsKey(key.seq()));
    attempts.removeIf(logged -> !events.containsKey(logged.seq()));
    return old.size();
  }
}
