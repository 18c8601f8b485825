package dev.trafficstatus.core.subscribe;

import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subscribers that also keep every pending subscription handed to them, as it was stored. */
final class RecordingSubscribers implements SubscriberStore {

  private final SubscriberStore store;
  private final List<PendingSubscription> stored;

  RecordingSubscribers(SubscriberStore store, List<PendingSubscription> stored) {
    this.store = store;
    this.stored = stored;
  }

  @Override
  public boolean addPending(PendingSubscription pending) {
    stored.add(pending);
    return store.addPending(pending);
  }

  @Override
  public boolean addPending(PendingSubscription pending, int maxMails, Duration period) {
    boolean added = store.addPending(pending, maxMails, period);
    if (added) {
      stored.add(pending);
    }
    return added;
  }

  @Override
  public Optional<Subscriber> confirm(String confirmationHash, Instant now) {
    return store.confirm(confirmationHash, now);
  }

  @Override
  public boolean unsubscribe(String unsubscribeToken) {
    return store.unsubscribe(unsubscribeToken);
  }

  @Override
  public List<Subscriber> confirmed(String afterId, int limit) {
    return store.confirmed(afterId, limit);
  }

  @Override
  public Set<String> sentTo(String eventId) {
    return store.sentTo(eventId);
  }

  @Override
  public void recordSent(String eventId, Collection<String> subscriberIds, Instant at) {
    store.recordSent(eventId, subscriberIds, at);
  }

  @Override
  public int deleteExpired(Instant now, Instant sentBefore) {
    return store.deleteExpired(now, sentBefore);
  }
}
