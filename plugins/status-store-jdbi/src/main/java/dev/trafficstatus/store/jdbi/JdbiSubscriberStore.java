package dev.trafficstatus.store.jdbi;

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
 * The subscribers of a {@link JdbiStatusStore}: each call goes through the store's error boundary,
 * and calls before the store started are refused as the store's own are. Addresses and tokens are
 * never put in the boundary's messages (they are logged).
 */
final class JdbiSubscriberStore implements SubscriberStore {

  /** The longest address the table keeps (RFC 5321's limit for a path). */
  static final int MAX_ADDRESS_LENGTH = 254;

  private final JdbiStatusStore store;

  JdbiSubscriberStore(JdbiStatusStore store) {
    this.store = store;
  }

  @Override
  public boolean addPending(PendingSubscription pending) {
    Objects.requireNonNull(pending, "pending");
    if (pending.address().length() > MAX_ADDRESS_LENGTH) {
      throw new IllegalArgumentException("an address is at most " + MAX_ADDRESS_LENGTH + " characters");
    }
    return store.call("adding a pending subscription", running -> running.subscribers().addPending(pending));
  }

  @Override
  public boolean addPending(PendingSubscription pending, int maxMails, Duration period) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(period, "period");
    if (pending.address().length() > MAX_ADDRESS_LENGTH) {
      throw new IllegalArgumentException("an address is at most " + MAX_ADDRESS_LENGTH + " characters");
    }
    if (maxMails < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a limit is at least 1 mail in a positive period, got " + maxMails + " in " + period);
    }
    return store.call(
        "adding a pending subscription", running -> running.subscribers().addPending(pending, maxMails, period));
  }

  @Override
  public Optional<Subscriber> confirm(String confirmationHash, Instant now) {
    Objects.requireNonNull(confirmationHash, "confirmationHash");
    Objects.requireNonNull(now, "now");
    return store.call("confirming a subscription", running -> running.subscribers().confirm(confirmationHash, now));
  }

  @Override
  public boolean unsubscribe(String unsubscribeToken) {
    Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
    return store.call("unsubscribing", running -> running.subscribers().unsubscribe(unsubscribeToken));
  }

  @Override
  public List<Subscriber> confirmed(String afterId, int limit) {
    Objects.requireNonNull(afterId, "afterId");
    return store.call(
        "reading " + limit + " confirmed subscribers", running -> running.subscribers().confirmed(afterId, limit));
  }

  @Override
  public Set<String> sentTo(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return store.call(
        "reading whom event " + eventId + " reached", running -> running.subscribers().sentTo(eventId));
  }

  @Override
  public void recordSent(String eventId, Collection<String> subscriberIds, Instant at) {
    Objects.requireNonNull(eventId, "eventId");
    List<String> ids = List.copyOf(subscriberIds);
    Objects.requireNonNull(at, "at");
    store.call(
        "recording that event " + eventId + " reached " + ids.size() + " subscribers",
        running -> {
          running.subscribers().recordSent(eventId, ids, at);
          return null;
        });
  }

  @Override
  public int deleteExpired(Instant now, Instant sentBefore) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(sentBefore, "sentBefore");
    return store.call(
        "deleting expired subscriptions", running -> running.subscribers().deleteExpired(now, sentBefore));
  }
}
