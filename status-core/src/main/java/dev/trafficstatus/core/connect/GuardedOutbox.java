package dev.trafficstatus.core.connect;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The started store's outbox, failing as an outage would until the store has started ({@link
 * ConnectingStore#outbox()}).
 */
final class GuardedOutbox implements OutboxStore {
  private final OutboxStore outbox;
  private final Runnable requireConnected;

  /**
   * Guards a store part.
   *
   * @param outbox the started store's
   * @param requireConnected throws a {@link dev.trafficstatus.spi.store.StoreException} while the
   *     store has not started
   */
  GuardedOutbox(OutboxStore outbox, Runnable requireConnected) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.requireConnected = Objects.requireNonNull(requireConnected, "requireConnected");
  }

  @Override
  public void append(List<OutboxEvent> events) {
    requireConnected.run();
    outbox.append(events);
  }

  @Override
  public Map<RouteKey, Health> routeStates() {
    requireConnected.run();
    return outbox.routeStates();
  }

  @Override
  public void recordRouteStates(Map<RouteKey, Health> states, Instant at, List<OutboxEvent> events) {
    requireConnected.run();
    outbox.recordRouteStates(states, at, events);
  }

  @Override
  public Set<String> firingAlerts() {
    requireConnected.run();
    return outbox.firingAlerts();
  }

  @Override
  public void recordAlerts(Set<String> started, Set<String> stopped, Instant at, List<OutboxEvent> events) {
    requireConnected.run();
    outbox.recordAlerts(started, stopped, at, events);
  }

  @Override
  public List<Delivery> claim(
      Set<String> receivers, Instant since, Instant now, Instant leaseUntil, String owner, int limit) {
    requireConnected.run();
    return outbox.claim(receivers, since, now, leaseUntil, owner, limit);
  }

  @Override
  public void record(DeliveryAttempt attempt) {
    requireConnected.run();
    outbox.record(attempt);
  }

  @Override
  public List<DeliveryAttempt> attempts(String eventId) {
    requireConnected.run();
    return outbox.attempts(eventId);
  }

  @Override
  public List<OutboxEvent> events(String noticeId) {
    requireConnected.run();
    return outbox.events(noticeId);
  }

  @Override
  public int deleteBefore(Instant before) {
    requireConnected.run();
    return outbox.deleteBefore(before);
  }
}
