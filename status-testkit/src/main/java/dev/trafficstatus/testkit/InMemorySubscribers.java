package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Subscribers in maps, for tests of plugins that mail them and of stores that keep them in memory:
 * {@link SubscribersContract} holds for it. Thread-safe by one lock.
 */
public final class InMemorySubscribers implements SubscriberStore {

  private record Sent(String subscriberId, Instant at) {}

  /** The confirmation mails of a pending address's current period. */
  private record Period(Instant start, int mails) {}

  private final Map<String, PendingSubscription> pendingByAddress = new HashMap<>();
  private final TreeMap<String, Subscriber> confirmedById = new TreeMap<>();
  private final Map<String, List<Sent>> sentByEvent = new HashMap<>();
  /** Kept with the pending subscription of the address, and forgotten with it. */
  private final Map<String, Period> periodByAddress = new HashMap<>();

  /** Creates an empty store. */
  public InMemorySubscribers() {}

  @Override
  public synchronized boolean addPending(PendingSubscription pending) {
    Objects.requireNonNull(pending, "pending");
    if (confirmedById.values().stream().anyMatch(s -> s.address().equals(pending.address()))) {
      return false;
    }
    pendingByAddress.put(pending.address(), pending);
    return true;
  }

  @Override
  public synchronized boolean addPending(PendingSubscription pending, int maxMails, Duration period) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(period, "period");
    Instant now = pending.createdAt();
    Period current = pendingByAddress.containsKey(pending.address()) ? periodByAddress.get(pending.address()) : null;
    if (current != null && now.isBefore(current.start().plus(period))) {
      if (current.mails() >= maxMails
          || confirmedById.values().stream().anyMatch(s -> s.address().equals(pending.address()))) {
        return false;
      }
      current = new Period(current.start(), current.mails() + 1);
    } else {
      current = new Period(now, 1);
    }
    if (!addPending(pending)) {
      return false;
    }
    periodByAddress.put(pending.address(), current);
    return true;
  }

  @Override
  public synchronized Optional<Subscriber> confirm(String confirmationHash, Instant now) {
    Optional<PendingSubscription> found =
        pendingByAddress.values().stream()
            .filter(p -> p.confirmationHash().equals(confirmationHash) && now.isBefore(p.expiresAt()))
            .findFirst();
    found.ifPresent(p -> {
      pendingByAddress.remove(p.address());
      periodByAddress.remove(p.address());
    });
    return found.map(
        p -> {
          Subscriber subscriber = new Subscriber(p.id(), p.address(), p.routes(), now, p.unsubscribeToken());
          confirmedById.put(subscriber.id(), subscriber);
          return subscriber;
        });
  }

  @Override
  public synchronized boolean unsubscribe(String unsubscribeToken) {
    boolean confirmed =
        confirmedById.values().removeIf(s -> s.unsubscribeToken().equals(unsubscribeToken));
    boolean pending =
        pendingByAddress.values().removeIf(p -> p.unsubscribeToken().equals(unsubscribeToken));
    periodByAddress.keySet().retainAll(pendingByAddress.keySet());
    return confirmed || pending;
  }

  @Override
  public synchronized List<Subscriber> confirmed(String afterId, int limit) {
    return confirmedById.tailMap(afterId, false).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized Set<String> sentTo(String eventId) {
    Set<String> ids = new HashSet<>();
    sentByEvent.getOrDefault(eventId, List.of()).forEach(sent -> ids.add(sent.subscriberId()));
    return ids;
  }

  @Override
  public synchronized void recordSent(String eventId, Collection<String> subscriberIds, Instant at) {
    List<Sent> sent = sentByEvent.computeIfAbsent(eventId, id -> new ArrayList<>());
    subscriberIds.forEach(id -> sent.add(new Sent(id, at)));
  }

  @Override
  public synchronized int deleteExpired(Instant now, Instant sentBefore) {
    int before = pendingByAddress.size();
    pendingByAddress.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    periodByAddress.keySet().retainAll(pendingByAddress.keySet());
    int deleted = before - pendingByAddress.size();
    for (List<Sent> sent : sentByEvent.values()) {
      int size = sent.size();
      sent.removeIf(s -> s.at().isBefore(sentBefore));
      deleted += size - sent.size();
    }
    sentByEvent.values().removeIf(List::isEmpty);
    return deleted;
  }
}
