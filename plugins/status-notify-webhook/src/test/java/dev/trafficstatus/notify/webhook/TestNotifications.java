package dev.trafficstatus.notify.webhook;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notifications as the sender hands them over, for the notifiers' tests. */
final class TestNotifications {

  static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  static final RouteKey SEARCH = new RouteKey("shop", "/search");
  static final String PAGE = "https://status.example.com/status";

  private TestNotifications() {}

  /** An open incident, its first update announced by an {@code incident.opened} event. */
  static Notification opened(String name, Impact impact, String body, RouteKey... routes) {
    return incident(EventType.INCIDENT_OPENED, name, impact, NoticeStatus.INVESTIGATING, body, routes);
  }

  static Notification incident(
      EventType type, String name, Impact impact, NoticeStatus status, String body, RouteKey... routes) {
    NoticeUpdate update = new NoticeUpdate("upd000000001", status, body, AT, AT, false, List.of());
    List<RouteState> affected =
        java.util.Arrays.stream(routes).map(route -> new RouteState(route, Health.PARTIAL_OUTAGE)).toList();
    Notice notice =
        new Notice("inc000000001", NoticeKind.INCIDENT, name, status, impact, false, true, AT, AT, AT,
            null, status.isOpen() ? null : AT, null, null, affected, List.of(update), 1);
    String json =
        "{\"id\":\"evt000000001\",\"created_at\":\"" + AT + "\",\"event\":\"" + type.wireName()
            + "\",\"incident\":{\"id\":\"inc000000001\",\"name\":" + JsonText.quote(name) + "}}";
    return new Notification(
        "evt000000001", type, AT, json, Optional.of(notice), Optional.of(update),
        Optional.of(URI.create(PAGE + "/incidents/inc000000001")));
  }

  /** A maintenance scheduled. */
  static Notification maintenance() {
    NoticeUpdate update =
        new NoticeUpdate("upd000000002", NoticeStatus.SCHEDULED, "Database upgrade.", AT, AT, false, List.of());
    Notice notice =
        new Notice("mnt000000001", NoticeKind.MAINTENANCE, "Database upgrade", NoticeStatus.SCHEDULED,
            Impact.MAINTENANCE, false, true, AT, AT.plusSeconds(3600), AT, null, null,
            AT.plusSeconds(3600), AT.plusSeconds(7200), List.of(new RouteState(CHECKOUT, Health.OPERATIONAL)),
            List.of(update), 1);
    return new Notification(
        "evt000000002", EventType.MAINTENANCE_SCHEDULED, AT, "{\"id\":\"evt000000002\"}",
        Optional.of(notice), Optional.of(update), Optional.of(URI.create(PAGE + "/incidents/mnt000000001")));
  }

  /** A route's state changed, as the sender hands over a {@code route.state_changed} event. */
  static Notification routeChanged(RouteKey route, String name, Health from, Health to) {
    String json = "{\"id\":\"evt000000003\",\"created_at\":\"" + AT + "\",\"event\":\"route.state_changed\"}";
    return new Notification(
        "evt000000003", EventType.ROUTE_STATE_CHANGED, AT, json, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new RouteStateChange(route, name, from, to, AT)));
  }
}
