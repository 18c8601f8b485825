package dev.trafficstatus.notify.webhook;

import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.store.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which notifications a receiver takes: of these event types, and about at least one of these
 * routes (by rule, such as {@code /checkout}); an empty route list takes every notification, a
 * notice that names no route included.
 *
 * @param events the event types taken
 * @param routes the rules of the routes taken; empty for all
 */
record EventFilter(Set<EventType> events, Set<String> routes) {

  /** Copies the sets. */
  EventFilter {
    events = Set.copyOf(events);
    routes = Set.copyOf(routes);
  }

  /**
   * A filter from configuration.
   *
   * @param events event types as configuration spells them ({@code incident.opened}); null or
   *     empty for all
   * @param routes rules; null or empty for all
   * @return the filter
   * @throws IllegalArgumentException naming an unknown event type and the known ones
   */
  static EventFilter of(List<String> events, List<String> routes) {
    String problem = problem(events);
    if (problem != null) {
      throw new IllegalArgumentException("events " + problem);
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    if (events == null || events.isEmpty()) {
      types.addAll(Arrays.asList(EventType.values()));
    } else {
      events.forEach(name -> types.add(byWireName(name)));
    }
    return new EventFilter(types, routes == null ? Set.of() : new LinkedHashSet<>(routes));
  }

  /**
   * What is wrong with configured event types, for validation messages.
   *
   * @param events the configured names, or null
   * @return such as {@code has unknown type incident.open; known: …}, or null when all are known
   */
  static String problem(List<String> events) {
    if (events == null) {
      return null;
    }
    List<String> unknown = new ArrayList<>();
    for (String name : events) {
      if (name == null || byWireName(name) == null) {
        unknown.add(String.valueOf(name));
      }
    }
    return unknown.isEmpty()
        ? null
        : "has unknown types " + unknown + "; known: "
            + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));
  }

  private static EventType byWireName(String name) {
    for (EventType type : EventType.values()) {
      if (type.wireName().equals(name.strip())) {
        return type;
      }
    }
    return null;
  }

  /**
   * Whether a notification passes.
   *
   * @param notification the notification
   * @return true when its type is taken and, with routes listed, it is about one of them
   */
  boolean accepts(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    return events.contains(notification.type())
        && (routes.isEmpty()
            || notification.routes().stream().anyMatch(route -> routes.contains(route.rule())));
  }

  /**
   * The filter in words, for descriptions.
   *
   * @return such as {@code events: incident.opened, incident.resolved; routes: /checkout}
   */
  String describe() {
    String types =
        events.size() == EventType.values().length
            ? "all"
            : Arrays.stream(EventType.values())
                .filter(events::contains)
                .map(EventType::wireName)
                .collect(Collectors.joining(", "));
    String rules = routes.isEmpty() ? "all" : routes.stream().sorted().collect(Collectors.joining(", "));
    return "events: " + types + "; routes: " + rules;
  }
}
