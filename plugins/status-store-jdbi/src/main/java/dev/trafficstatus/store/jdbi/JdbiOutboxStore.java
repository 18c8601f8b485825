package dev.trafficstatus.store.jdbi;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.store.jdbi.internal.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outbox of a {@link JdbiStatusStore}: each call goes through the store's error boundary, and
 * calls before the store started are refused as the store's own are. Receiver and owner names are
 * checked here, before the boundary, so a name the tables cannot keep is the caller's error.
 */
final class JdbiOutboxStore implements OutboxStore {

  private final JdbiStatusStore store;

  JdbiOutboxStore(JdbiStatusStore store) {
    this.store = store;
  }

  @Override
  public void append(List<OutboxEvent> events) {
    List<OutboxEvent> copied = List.copyOf(events);
    store.call(
        "appending " + copied.size() + " events to the outbox",
        running -> {
          running.outbox().append(copied);
          return null;
        });
  }

  @Override
  public Map<RouteKey, Health> routeStates() {
    return store.call("reading the routes' last states", running -> running.outbox().routeStates());
  }

  @Override
  public void recordRouteStates(Map<RouteKey, Health> states, Instant at, List<OutboxEvent> events) {
    Objects.requireNonNull(at, "at");
    Map<RouteKey, Health> copiedStates = Map.copyOf(states);
    List<OutboxEvent> copied = List.copyOf(events);
    copiedStates.forEach((route, state) -> {
      if (state == Health.NO_DATA || state == Health.MAINTENANCE) {
        throw new IllegalArgumentException("a route's recorded state is a verdict, got " + state + " for " + route);
      }
    });
    store.call(
        "recording " + copiedStates.size() + " route states with " + copied.size() + " events",
        running -> {
          running.outbox().recordRouteStates(copiedStates, at, copied);
          return null;
        });
  }

  @Override
  public Set<String> firingAlerts() {
    return store.call("reading the alerts firing", running -> running.outbox().firingAlerts());
  }

  @Override
  public void recordAlerts(Set<String> started, Set<String> stopped, Instant at, List<OutboxEvent> events) {
    Objects.requireNonNull(at, "at");
    Set<String> copiedStarted = Set.copyOf(started);
    Set<String> copiedStopped = Set.copyOf(stopped);
    List<OutboxEvent> copied = List.copyOf(events);
    copiedStarted.forEach(key -> {
      if (key.isEmpty() || key.length() > 1_000) {
        throw new IllegalArgumentException("an alert's key has 1 to 1,000 characters, got " + key.length());
      }
    });
    store.call(
        "recording " + copiedStarted.size() + " alerts firing and " + copiedStopped.size() + " stopped",
        running -> {
          running.outbox().recordAlerts(copiedStarted, copiedStopped, at, copied);
          return null;
        });
  }

  @Override
  public List<Delivery> claim(
      Set<String> receivers,
      Instant since,
      Instant now,
      Instant leaseUntil,
      String owner,
      int limit) {
    Set<String> names = Set.copyOf(receivers);
    names.forEach(receiver -> checkName("receiver", receiver));
    checkName("owner", owner);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    return store.call(
        "claiming deliveries for " + names.size() + " receivers",
        running -> running.outbox().claim(names, since, now, leaseUntil, owner, limit));
  }

  @Override
  public void record(DeliveryAttempt attempt) {
    Objects.requireNonNull(attempt, "attempt");
    checkName("receiver", attempt.receiver());
    store.call(
        "recording attempt "
            + attempt.number()
            + " of event "
            + attempt.eventId()
            + " to "
            + attempt.receiver(),
        running -> {
          running.outbox().record(attempt);
          return null;
        });
  }

  @Override
  public List<DeliveryAttempt> attempts(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return store.call(
        "reading the attempts of event " + eventId, running -> running.outbox().attempts(eventId));
  }

  @Override
  public List<OutboxEvent> events(String noticeId) {
    Objects.requireNonNull(noticeId, "noticeId");
    return store.call(
        "reading the outbox events of notice " + noticeId,
        running -> running.outbox().events(noticeId));
  }

  @Override
  public int deleteBefore(Instant before) {
    Objects.requireNonNull(before, "before");
    return store.call(
        "deleting outbox events created before " + before,
        running -> running.outbox().deleteBefore(before));
  }

  private static void checkName(String what, String name) {
    Objects.requireNonNull(name, what);
    if (name.isBlank() || name.length() > Outbox.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a "
              + what
              + " name is 1 to "
              + Outbox.MAX_NAME_LENGTH
              + " characters, got "
              + name.length());
    }
  }
}
