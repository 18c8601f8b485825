package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands the outbox's events to receivers at least once, in order per notice, one sender at a time
 * across all processes; a part of a {@link StatusStore} that offers it ({@link
 * StatusStore#outbox()}). Events are written by {@link NoticeStore#save} (and {@link #append}),
 * in the transaction of the change that caused them. Thread-safe; every method throws {@link
 * StoreException} when the database cannot be reached or refuses.
 */
public interface OutboxStore {

  /**
   * Appends events that no notice change carries (a route's state change), in one transaction.
   *
   * @param events the events
   */
  void append(List<OutboxEvent> events);

  /**
   * The state each route was last recorded in by {@link #recordRouteStates}: what the evaluator
   * compares its next verdicts with, so a change is announced once, whichever process evaluates.
   *
   * @return the states by route; empty before the first record
   * @throws UnsupportedOperationException when the store keeps no route states (this default):
   *     no {@link EventType#ROUTE_STATE_CHANGED} events are written then
   */
  default Map<RouteKey, Health> routeStates() {
    throw new UnsupportedOperationException("this store keeps no route states");
  }

  /**
   * Records routes' states (replacing what was recorded for them) and appends the events of their
   * changes, in one transaction: an event is written exactly when its state is.
   *
   * @param states the routes' new states; routes not named keep theirs
   * @param at when they were judged
   * @param events the {@link EventType#ROUTE_STATE_CHANGED} events; may be empty (a route's first
   *     state is recorded without one)
   * @throws UnsupportedOperationException when the store keeps no route states (this default)
   */
  default void recordRouteStates(Map<RouteKey, Health> states, Instant at, List<OutboxEvent> events) {
    throw new UnsupportedOperationException("this store keeps no route states");
  }

  /**
   * The alerts recorded as firing by {@link #recordAlerts}: what the evaluator's objective alerts
   * compare their next verdicts with (the keys are the evaluator's own), so an alert that starts
   * firing is announced once, and keeps its hysteresis, whichever process evaluates.
   *
   * @return the keys of the alerts firing; empty before the first record
   * @throws UnsupportedOperationException when the store keeps no alert states (this default): the
   *     evaluating process remembers them itself then, and another process that takes over the
   *     evaluation announces an alert still firing once more
   */
  default Set<String> firingAlerts() {
    throw new UnsupportedOperationException("this store keeps no alert states");
  }

  /**
   * Records alerts that started and stopped firing and appends the events announcing them, in one
   * transaction: an event is written exactly when its alert's state is.
   *
   * @param started keys of alerts that started firing (at most 1,000 characters each)
   * @param stopped keys of alerts that stopped
   * @param at when they were judged
   * @param events the events; may be empty
   * @throws UnsupportedOperationException when the store keeps no alert states (this default)
   */
  default void recordAlerts(Set<String> started, Set<String> stopped, Instant at, List<OutboxEvent> events) {
    throw new UnsupportedOperationException("this store keeps no alert states");
  }

  /**
   * Claims deliveries that are due: for each receiver and each notice, the oldest event not yet
   * delivered, dead or skipped for that receiver, when its next attempt is due and no lease on it
   * runs, so a receiver gets the events of one notice in order (while the head is leased or waits
   * for its retry, nothing later of that notice is claimed); and likewise for events of no notice.
   * Events of one notice created at the same instant go in the order they were written. Claimed
   * deliveries are leased to {@code owner} until {@code leaseUntil}: another process claims them
   * only after the lease ran out (a sender that died mid-send), so a receiver may get an event
   * twice, never none.
   *
   * @param receivers the receivers configured now; events are delivered to those only. Names of
   *     receivers and owners are 1 to 200 characters (an {@link IllegalArgumentException} else)
   * @param since events created before this are no longer delivered (older than the receivers)
   * @param now the current time
   * @param leaseUntil until when the claim holds
   * @param owner who claims, such as the instance id
   * @param limit how many deliveries at most
   * @return the deliveries, oldest event first
   */
  List<Delivery> claim(
      Set<String> receivers, Instant since, Instant now, Instant leaseUntil, String owner, int limit);

  /**
   * Records an attempt and ends the claim's lease; a delivered, dead or skipped delivery is never
   * claimed again, a retried one is due again at its next attempt.
   *
   * @param attempt what came of it
   */
  void record(DeliveryAttempt attempt);

  /**
   * Every attempt made to deliver an event, oldest first: the delivery log.
   *
   * @param eventId the event's id
   * @return the attempts
   */
  List<DeliveryAttempt> attempts(String eventId);

  /**
   * The events of one notice that are still kept, in the order they were written: with {@link
   * #attempts}, what became of the notice's notifications.
   *
   * @param noticeId the notice's id
   * @return the events, oldest first; empty when the notice has none (or none kept)
   */
  List<OutboxEvent> events(String noticeId);

  /**
   * Deletes events created before a moment, with their deliveries and attempts.
   *
   * @param before events created before this are deleted
   * @return how many events were deleted
   */
  int deleteBefore(Instant before);
}
