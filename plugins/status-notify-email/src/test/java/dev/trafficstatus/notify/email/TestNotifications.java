package dev.trafficstatus.notify.email;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Notifications as the sender hands them over, for the mailer's tests. */
final class TestNotifications {

  static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  static final RouteKey SEARCH = new RouteKey("shop", "/search");
  static final String PAGE = "https://status.example.com/status";

  private TestNotifications() {}

  /** An incident opened about some routes, announced by event {@code eventId}. */
  static Notification opened(String eventId, String name, String body, RouteKey... routes) {
    NoticeUpdate update =
        new NoticeUpdate("upd000000001", NoticeStatus.INVESTIGATING, body, AT, AT, false, List.of());
    List<RouteState> affected =
        Arrays.stream(routes).map(route -> new RouteState(route, Health.PARTIAL_OUTAGE)).toList();
    Notice notice =
        new Notice("inc000000001", NoticeKind.INCIDENT, name, NoticeStatus.INVESTIGATING, Impact.MAJOR,
            false, true, AT, AT, AT, null, null, null, null, affected, List.of(update), 1);
    return new Notification(
        eventId, EventType.INCIDENT_OPENED, AT, "{\"id\":\"" + eventId + "\"}", Optional.of(notice),
        Optional.of(update), Optional.of(URI.create(PAGE + "/incidents/inc000000001")));
  }
}
