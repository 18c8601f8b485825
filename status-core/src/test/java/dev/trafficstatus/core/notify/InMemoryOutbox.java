package dev.trafficstatus.core.notify;

import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.StoreException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outbox in memory, as {@link OutboxStore} describes it: per receiver and notice only the
 * oldest open event is claimed, when due and not leased; attempts end leases; final outcomes are
 * never claimed again. A switch makes every call fail like an unreachable database.
 */
final class InMemoryOutbox implements OutboxStore {

  private record Key(String eventId, String receiver) {}

  private static final class State {
    int attempts;
    boolean done;
    Instant due = Instant.MIN;
    Instant leaseUntil = Instant.MIN;
  }

  private final List<OutboxEvent> events = new ArrayList<>();
  private final Map<Key, State> states = new HashMap<>();
  private final List<DeliveryAttempt> attempts = new ArrayList<>();
  private volatile boolean down;

  /** Makes every call fail from now on, or work again. */
  void down(boolean down) {
    this.down = down;
  }

  private void check(String doing) {
    if (down) {
      throw new StoreException(doing, new ConnectException("Connection refused"));
    }
  }

  @Override
  public synchronized void append(List<OutboxEvent> appended) {
    check("appending events");
    events.addAll(appended);
  }

  /** Every event, oldest first. */
  synchronized List<OutboxEvent> events() {
    return List.copyOf(events);
  }

  /** Every attempt recorded, oldest first. */
  synchronized List<DeliveryAttempt> allAttempts() {
    return List.copyOf(attempts);
  }

  @Override
  public synchronized List<Delivery> claim(
      Set<String> receivers, Instant since, Instant now, Instant leaseUntil, String owner, int limit) {
    check("claiming deliveries");
    Objects.requireNonNull(owner, "owner");
    List<Delivery> claimed = new ArrayList<>();
    for (String receiver : receivers) {
      Set<String> queuesSeen = new HashSet<>();
      for (OutboxEvent event : events) {
        String queue = event.noticeId() == null ? "" : event.noticeId();
        if (event.createdAt().isBefore(since) || queuesSeen.contains(queue)) {
          continue;
        }
        State state = states.computeIfAbsent(new Key(event.id(), receiver), key -> new State());
        if (state.done) {
          continue;
        }
        // The oldest open event heads its notice's queue: nothing later of it goes before it.
        queuesSeen.add(queue);
        if (state.due.isAfter(now) || state.leaseUntil.isAfter(now) || claimed.size() >= limit) {
          continue;
        }
        state.leaseUntil = leaseUntil;
        claimed.add(new Delivery(event, receiver, state.attempts));
      }
    }
    claimed.sort((a, b) -> a.event().createdAt().compareTo(b.event().createdAt()));
    return claimed;
  }

  @Override
  public synchronized void record(DeliveryAttempt attempt) {
    check("recording an attempt");
    attempts.add(attempt);
    State state = states.computeIfAbsent(new Key(attempt.eventId(), attempt.receiver()), key -> new State());
    state.attempts = Math.max(state.attempts, attempt.number());
    state.leaseUntil = Instant.MIN;
    if (attempt.outcome() == Outcome.RETRY) {
      state.due = attempt.nextAttemptAt();
    } else {
      state.done = true;
    }
  }

  @Override
  public synchronized List<DeliveryAttempt> attempts(String eventId) {
    check("reading attempts");
    return attempts.stream().filter(a -> a.eventId().equals(eventId)).toList();
  }

  @Override
  public synchronized int deleteBefore(Instant before) {
    check("deleting old events");
    List<OutboxEvent> old = events.stream().filter(e -> e.createdAt().isBefore(before)).toList();
    Set<String> ids = new HashSet<>();
    old.forEach(e -> ids.add(e.id()));
    events.removeAll(old);
    attempts.removeIf(a -> ids.contains(a.eventId()));
    states.keySet().removeIf(k -> ids.contains(k.eventId()));
    return old.size();
  }
}
