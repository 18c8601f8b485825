package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Instant;
import java.util.List;

/**
 * Incidents and maintenances around {@link PageFixtures#seeded()}'s "now" (2025-03-10 14:03 UTC,
 * shown in Europe/Berlin): one open, one resolved two days ago, maintenance in progress, one
 * coming within the week and one beyond it.
 */
final class NoticeFixtures {

  static final RouteKey ORDERS = new RouteKey("orders", "/orders/{id}");
  static final RouteKey PAYMENTS = new RouteKey("orders", "/payments");
  /** A route the page does not show: notices may affect it, pages must not name it. */
  static final RouteKey HIDDEN = new RouteKey("orders", "/admin/secret-reports");

  static final String FIX_URL = "https://example.com/fix?run=42&step=2";

  static final Notice CHECKOUT = new Notice("checkout0001", NoticeKind.INCIDENT, "Checkout failing",
      NoticeStatus.IDENTIFIED, Impact.MAJOR, true, true, at("2025-03-10T12:01:00Z"),
      at("2025-03-10T12:00:00Z"), at("2025-03-10T13:30:00Z"), null, null, null, null,
      List.of(new RouteState(PAYMENTS, Health.PARTIAL_OUTAGE), new RouteState(HIDDEN, Health.MAJOR_OUTAGE)),
      List.of(
          update("checkoutupd2", NoticeStatus.IDENTIFIED,
              "We found the cause.\nA fix is rolling out: " + FIX_URL + ".", "2025-03-10T13:30:00Z",
              false, List.of()),
          update("checkoutupd1", NoticeStatus.INVESTIGATING, "Payments are failing.",
              "2025-03-10T12:01:00Z", true,
              List.of(new StateChange(PAYMENTS, Health.OPERATIONAL, Health.PARTIAL_OUTAGE),
                  new StateChange(HIDDEN, Health.OPERATIONAL, Health.MAJOR_OUTAGE)))),
      3);

  static final Notice SLOW_ORDERS = new Notice("sloworders01", NoticeKind.INCIDENT, "Slow orders",
      NoticeStatus.RESOLVED, Impact.MINOR, false, true, at("2025-03-08T09:00:00Z"),
      at("2025-03-08T09:00:00Z"), at("2025-03-08T10:10:00Z"), null, at("2025-03-08T10:10:00Z"),
      null, null, List.of(new RouteState(ORDERS, Health.OPERATIONAL)),
      List.of(
          update("slowupdate02", NoticeStatus.RESOLVED, "Orders are fast again.",
              "2025-03-08T10:10:00Z", false, List.of()),
          update("slowupdate01", NoticeStatus.INVESTIGATING, "Orders load slowly.",
              "2025-03-08T09:00:00Z", false, List.of())),
      2);

  static final Notice SWITCH = new Notice("switch000001", NoticeKind.MAINTENANCE,
      "Payment provider switch", NoticeStatus.IN_PROGRESS, Impact.MAINTENANCE, false, true,
      at("2025-03-01T08:00:00Z"), at("2025-03-10T13:00:00Z"), at("2025-03-10T13:05:00Z"), null,
      null, at("2025-03-10T13:00:00Z"), at("2025-03-10T15:00:00Z"),
      List.of(new RouteState(PAYMENTS, Health.MAINTENANCE)),
      List.of(
          update("switchupd002", NoticeStatus.IN_PROGRESS, "The switch has begun.",
              "2025-03-10T13:05:00Z", false, List.of()),
          update("switchupd001", NoticeStatus.SCHEDULED, "We will switch payment providers.",
              "2025-03-01T08:00:00Z", false, List.of())),
      2);

  static final Notice UPGRADE = scheduled("upgrade00001", "Database upgrade", "2025-03-12T01:00:00Z",
      "2025-03-12T03:00:00Z");

  /** Beyond the week the page announces. */
  static final Notice FAR = scheduled("farfuture001", "Data centre move", "2025-03-30T01:00:00Z",
      "2025-03-30T05:00:00Z");

  private NoticeFixtures() {}

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static NoticeUpdate update(String id, NoticeStatus status, String body, String at,
      boolean automatic, List<StateChange> changes) {
    return new NoticeUpdate(id, status, body, at(at), at(at), automatic, changes);
  }

  static Notice scheduled(String id, String name, String from, String until) {
    return new Notice(id, NoticeKind.MAINTENANCE, name, NoticeStatus.SCHEDULED,
        Impact.MAINTENANCE, false, true, at("2025-03-01T08:00:00Z"), at(from),
        at("2025-03-01T08:00:00Z"), null, null, at(from), at(until), List.of(),
        List.of(update(id.substring(0, 10) + "u1", NoticeStatus.SCHEDULED,
            "Planned work on " + name + ".", "2025-03-01T08:00:00Z", false, List.of())),
        1);
  }

  /** An incident with a name and a body of one's choice, open since an hour before "now". */
  static Notice incident(String id, String name, String body) {
    return new Notice(id, NoticeKind.INCIDENT, name, NoticeStatus.INVESTIGATING, Impact.CRITICAL,
        false, true, at("2025-03-10T13:00:00Z"), at("2025-03-10T13:00:00Z"),
        at("2025-03-10T13:00:00Z"), null, null, null, null, List.of(),
        List.of(update(id.substring(0, 10) + "u1", NoticeStatus.INVESTIGATING, body,
            "2025-03-10T13:00:00Z", false, List.of())),
        1);
  }

  /** The seeded page with notices, newest start first as the model orders them. */
  static StatusPage seededWith(List<Notice> notices) {
    StatusPage page = PageFixtures.seeded();
    return new StatusPage(page.title(), page.overall(), page.headline(), page.generatedAt(),
        page.zone(), page.firstDay(), page.lastDay(), page.maxDays(), page.minimumRequests(),
        page.refresh(), page.groups(), page.stale(), notices);
  }

  /** The seeded page with every notice above. */
  static StatusPage seededWithAll() {
    return seededWith(List.of(FAR, UPGRADE, SWITCH, CHECKOUT, SLOW_ORDERS));
  }
}
