package dev.trafficstatus.core.connect;

import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The started store's subscribers, failing as an outage would until the store has started ({@link
 * ConnectingStore#subscribers()}).
 */
final class GuardedSubscribers implements SubscriberStore {
  private final SubscriberStore subscribers;
  private final Runnable requireConnected;

  /**
   * Guards a store part.
   *
   * @param subscribers the started store's
   * @param requireConnected throws a {@link dev.trafficstatus.spi.store.StoreException} while the
   *     store has not started
   */
  GuardedSubscribers(SubscriberStore subscribers, Runnable requireConnected) {
    this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
    this.requireConnected = Objects.requireNonNull(requireConnected, "requireConnected");
  }

  @Override
  public boolean addPending(PendingSubscription pending) {
    requireConnected.run();
    return subscribers.addPending(pending);
  }

  @Override
  public boolean addPending(PendingSubscription pending, int maxMails, Duration period) {
    requireConnected.run();
    return subscribers.addPending(pending, maxMails, period);
  }

  @Override
  public Optional<Subscriber> confirm(String confirmationHash, Instant now) {
    requireConnected.run();
    return subscribers.confirm(confirmationHash, now);
  }

  @Override
  public boolean unsubscribe(String unsubscribeToken) {
    requireConnected.run();
    return subscribers.unsubscribe(unsubscribeToken);
  }

  @Override
  public List<Subscriber> confirmed(String afterId, int limit) {
    requireConnected.run();
    return subscribers.confirmed(afterId, limit);
  }

  @Override
  public Set<String> sentTo(String eventId) {
    requireConnected.run();
    return subscribers.sentTo(eventId);
  }

  @Override
  public void recordSent(String eventId, Collection<String> subscriberIds, Instant at) {
    requireConnected.run();
    subscribers.recordSent(eventId, subscriberIds, at);
  }

  @Override
  public int deleteExpired(Instant now, Instant sentBefore) {
    requireConnected.run();
    return subscribers.deleteExpired(now, sentBefore);
  }
}
