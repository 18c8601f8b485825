package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notify.RouteChangePayload;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a {@code route.state_changed} event when a route's verdict differs from the one last
 * recorded in the store, from the evaluator (so once across the processes sharing the database).
 * The memory is the store's ({@link OutboxStore#routeStates}), not this object's: the new state and
 * its event are recorded in one transaction, so a process that takes the duty over compares with
 * what the last one recorded, and neither repeats nor misses a change.
 *
 * <ul>
 *   <li>Only verdicts count: a route with too few requests (no data) or inside a running
 *       maintenance keeps its last state, so a quiet night is not a stream of changes.
 *   <li>A route's first verdict is recorded without an event: there is nothing it changed from.
 *   <li>Events are written whether or not anyone sends them ({@code
 *       notifications.routeStateChanges} decides that), so the delivery log shows them as skipped.
 *   <li>An event's id is derived from the route, the minute and the new state: the same change seen
 *       twice in one minute cannot be written twice.
 * </ul>
 */
final class RouteStateEvents {

  private final OutboxStore outbox;

  /** @param outbox the store's outbox, which keeps the routes' last states */
  RouteStateEvents(OutboxStore outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  /**
   * Compares the readings with the recorded states and records what changed.
   *
   * @param now the current time
   * @param readings the judged routes, by route
   * @return how many events were written
   * @throws UnsupportedOperationException when the store keeps no route states
   */
  int run(Instant now, Map<RouteKey, RouteReading> readings) {
    Map<RouteKey, Health> known = outbox.routeStates();
    Map<RouteKey, Health> changed = new LinkedHashMap<>();
    List<OutboxEvent> events = new ArrayList<>();
    for (RouteReading reading : new TreeMap<>(readings).values()) {
      Health state = reading.state();
      Health before = known.get(reading.route());
      if (!RouteStateChange.isVerdict(state) || state == before) {
        continue;
      }
      changed.put(reading.route(), state);
      if (before != null) {
        events.add(event(new RouteStateChange(reading.route(), reading.name(), before, state, now)));
      }
    }
    if (!changed.isEmpty()) {
      outbox.recordRouteStates(changed, now, events);
    }
    return events.size();
  }

  private static OutboxEvent event(RouteStateChange change) {
    String id = NoticeIds.derived(EventType.ROUTE_STATE_CHANGED.wireName() + " " + change.route().service()
        + "\n" + change.route().rule() + " " + change.at().truncatedTo(ChronoUnit.MINUTES) + " " + change.to());
    return new OutboxEvent(
        id, EventType.ROUTE_STATE_CHANGED, null, change.at(), RouteChangePayload.write(change));
  }
}
