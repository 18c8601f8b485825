package dev.trafficstatus.server.testapp;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Instant;
import java.util.List;

/**
 * Incidents and maintenances around {@link NinetyDaySeed#NOW} (2025-06-30 15:42 UTC), written
 * through the real store beside the ninety days of traffic: one incident open on checkout, the
 * checkout outage of 21 June resolved, a product-page incident of May (older than the page's
 * fourteen days, so only the history and a lookup find it), a maintenance done on 25 June and one
 * planned for 2 July.
 */
public final class NoticeSeed {

  /** Checkout, failing for some payments right now. */
  public static final Notice OPEN = new Notice("checkoutopen", NoticeKind.INCIDENT,
      "Checkout fails for some card payments", NoticeStatus.IDENTIFIED, Impact.MAJOR, true, true,
      at("2025-06-30T14:52:00Z"), at("2025-06-30T14:50:00Z"), at("2025-06-30T15:20:00Z"), null, null,
      null, null, List.of(new RouteState(route("/checkout"), Health.PARTIAL_OUTAGE)),
      List.of(
          update("checkoutupd2", NoticeStatus.IDENTIFIED,
              "The card processor times out for about one payment in ten.\nA fix is rolling out;"
                  + " details at https://example.com/status-notes/checkout-timeouts.",
              "2025-06-30T15:20:00Z", false, List.of()),
          update("checkoutupd1", NoticeStatus.INVESTIGATING,
              "Checkout: failures rose above the partial-outage threshold.",
              "2025-06-30T14:52:00Z", true,
              List.of(new StateChange(route("/checkout"), Health.OPERATIONAL, Health.PARTIAL_OUTAGE)))),
      0);

  /** The checkout outage of 21 June, the day the ninety days show as a major outage. */
  public static final Notice OUTAGE = new Notice("checkoutdown", NoticeKind.INCIDENT,
      "Checkout down", NoticeStatus.RESOLVED, Impact.CRITICAL, false, true,
      at("2025-06-21T09:15:00Z"), at("2025-06-21T09:10:00Z"), at("2025-06-21T11:40:00Z"), null,
      at("2025-06-21T11:40:00Z"), null, null,
      List.of(new RouteState(route("/checkout"), Health.OPERATIONAL)),
      List.of(
          update("downupdate03", NoticeStatus.RESOLVED, "Checkout works again.",
              "2025-06-21T11:40:00Z", false, List.of()),
          update("downupdate02", NoticeStatus.MONITORING, "A database failover finished.",
              "2025-06-21T10:30:00Z", false, List.of()),
          update("downupdate01", NoticeStatus.INVESTIGATING, "Every checkout fails.",
              "2025-06-21T09:15:00Z", false, List.of())),
      0);

  /** May's product-page trouble: not among the page's notices, only in the history. */
  public static final Notice MAY = new Notice("productsmay1", NoticeKind.INCIDENT,
      "Product pages slow", NoticeStatus.RESOLVED, Impact.MINOR, false, true,
      at("2025-05-17T08:00:00Z"), at("2025-05-17T07:45:00Z"), at("2025-05-17T12:00:00Z"), null,
      at("2025-05-17T12:00:00Z"), null, null,
      List.of(new RouteState(route("/products/{id}"), Health.OPERATIONAL)),
      List.of(
          update("mayupdate002", NoticeStatus.RESOLVED, "Product pages are fast again.",
              "2025-05-17T12:00:00Z", false, List.of()),
          update("mayupdate001", NoticeStatus.INVESTIGATING, "Product pages load slowly.",
              "2025-05-17T08:00:00Z", false, List.of())),
      0);

  /** Maintenance done on 25 June. */
  public static final Notice MOVED = new Notice("cartmoved001", NoticeKind.MAINTENANCE,
      "Cart service move", NoticeStatus.COMPLETED, Impact.MAINTENANCE, false, true,
      at("2025-06-20T09:00:00Z"), at("2025-06-25T02:00:00Z"), at("2025-06-25T02:40:00Z"), null,
      at("2025-06-25T02:40:00Z"), at("2025-06-25T02:00:00Z"), at("2025-06-25T03:00:00Z"),
      List.of(new RouteState(route("/cart"), Health.OPERATIONAL)),
      List.of(
          update("movedupdate2", NoticeStatus.COMPLETED, "The cart runs in the new data centre.",
              "2025-06-25T02:40:00Z", false, List.of()),
          update("movedupdate1", NoticeStatus.SCHEDULED, "We move the cart service.",
              "2025-06-20T09:00:00Z", false, List.of())),
      0);

  /** Maintenance planned for 2 July, the whole service. */
  public static final Notice PLANNED = new Notice("dbupgrade001", NoticeKind.MAINTENANCE,
      "Database upgrade", NoticeStatus.SCHEDULED, Impact.MAINTENANCE, false, true,
      at("2025-06-28T10:00:00Z"), at("2025-07-02T01:00:00Z"), at("2025-06-28T10:00:00Z"), null, null,
      at("2025-07-02T01:00:00Z"), at("2025-07-02T03:00:00Z"), List.of(),
      List.of(update("upgradeupd01", NoticeStatus.SCHEDULED,
          "The database gets a new major version. Pages may answer slowly for a few minutes.",
          "2025-06-28T10:00:00Z", false, List.of())),
      0);

  /** Every notice of the seed. */
  public static final List<Notice> ALL = List.of(OPEN, OUTAGE, MAY, MOVED, PLANNED);

  /** Maintenance on the cart now, from 15:00 to 17:00 UTC: for the screenshots' banner. */
  public static final Notice RUNNING = new Notice("carttuning01", NoticeKind.MAINTENANCE,
      "Cart database tuning", NoticeStatus.IN_PROGRESS, Impact.MAINTENANCE, false, true,
      at("2025-06-29T12:00:00Z"), at("2025-06-30T15:00:00Z"), at("2025-06-30T15:01:00Z"), null, null,
      at("2025-06-30T15:00:00Z"), at("2025-06-30T17:00:00Z"),
      List.of(new RouteState(route("/cart"), Health.MAINTENANCE)),
      List.of(
          update("tuningupd002", NoticeStatus.IN_PROGRESS,
              "Tuning has begun; the cart may answer slowly until 17:00 UTC.",
              "2025-06-30T15:01:00Z", false, List.of()),
          update("tuningupd001", NoticeStatus.SCHEDULED, "We tune the cart's database.",
              "2025-06-29T12:00:00Z", false, List.of())),
      0);

  /** A name that would close the script element and open one, were it markup. */
  public static final String SCRIPT_NAME = "</script><script>alert(11)</script>";

  /** A name that would run a handler, were it markup. */
  public static final String IMAGE_NAME = "<img src=x onerror=alert(12)>";

  /** A right-to-left override: unisolated, it turns the text after it around. */
  public static final String REVERSING_NAME = "\u202Etxt.exe payroll";

  /** A body of every trick, and one real link. */
  public static final String HOSTILE_BODY = "<a href=\"javascript:alert(13)\">click</a>\n"
      + "<img src=x onerror=alert(14)> javascript:alert(15) data:text/html,<script>alert(16)</script>\n"
      + "Real notes: https://example.com/notes?a=1&b=2.";

  /** The longest body there may be: one word of 9,000 letters, then a link. */
  public static final String LONGEST_BODY =
      "W".repeat(9_000) + " " + "https://example.com/" + "x".repeat(900);

  /** Open incidents with hostile names and bodies, begun at 15:00 UTC. */
  public static final List<Notice> HOSTILE = List.of(
      hostile("hostile00001", SCRIPT_NAME, HOSTILE_BODY),
      hostile("hostile00002", IMAGE_NAME, LONGEST_BODY),
      hostile("hostile00003", REVERSING_NAME, "\u202Ereversed body"));

  private NoticeSeed() {}

  private static Notice hostile(String id, String name, String body) {
    return new Notice(id, NoticeKind.INCIDENT, name, NoticeStatus.INVESTIGATING, Impact.CRITICAL,
        false, true, at("2025-06-30T15:00:00Z"), at("2025-06-30T15:00:00Z"),
        at("2025-06-30T15:00:00Z"), null, null, null, null, List.of(),
        List.of(update(id.substring(0, 10) + "u1", NoticeStatus.INVESTIGATING, body,
            "2025-06-30T15:00:00Z", false, List.of())),
        0);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static RouteKey route(String rule) {
    return new RouteKey(NinetyDaySeed.SERVICE, rule);
  }

  private static NoticeUpdate update(String id, NoticeStatus status, String body, String at,
      boolean automatic, List<StateChange> changes) {
    return new NoticeUpdate(id, status, body, at(at), at(at), automatic, changes);
  }

  /**
   * Writes notices through the store.
   *
   * @param store the running store
   * @param notices what to write, each new (version 0)
   */
  public static void writeTo(StatusStore store, List<Notice> notices) {
    NoticeStore kept = store.notices().orElseThrow(
        () -> new AssertionError("the store keeps no notices: " + store.describe()));
    for (Notice notice : notices) {
      kept.save(notice, List.of());
    }
  }
}
