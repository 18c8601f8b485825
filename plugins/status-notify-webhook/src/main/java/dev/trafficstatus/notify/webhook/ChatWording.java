package dev.trafficstatus.notify.webhook;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.store.EventType;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a chat message says and which colour it has, shared by Slack and Discord: a headline from
 * the event, the notice's status and impact in words, the body of the update the event announced;
 * for a route's state change, the route, its new state, and a sentence from and to. Colours follow
 * the page's: minor yellow, major orange, critical red, maintenance blue, and green once the notice
 * is over; a route's change takes its new state's (degraded yellow, partial outage orange, major
 * outage red, operational green).
 */
final class ChatWording {

  /** Green: resolved, completed. */
  static final int OVER = 0x2ECC71;
  /** Grey: no impact, or no notice. */
  static final int NO_IMPACT = 0x95A5A6;
  /** Yellow: minor. */
  static final int MINOR = 0xF1C40F;
  /** Orange: major. */
  static final int MAJOR = 0xE67E22;
  /** Red: critical. */
  static final int CRITICAL = 0xE74C3C;
  /** Blue: maintenance. */
  static final int MAINTENANCE = 0x3498DB;

  private ChatWording() {}

  /**
   * What happened, such as "Incident opened".
   *
   * @param type the event's type
   * @return the words
   */
  static String headline(EventType type) {
    return switch (type) {
      case INCIDENT_OPENED -> "Incident opened";
      case INCIDENT_UPDATED -> "Incident updated";
      case INCIDENT_RESOLVED -> "Incident resolved";
      case MAINTENANCE_SCHEDULED -> "Maintenance scheduled";
      case MAINTENANCE_STARTED -> "Maintenance started";
      case MAINTENANCE_UPDATED -> "Maintenance updated";
      case MAINTENANCE_COMPLETED -> "Maintenance completed";
      case ROUTE_STATE_CHANGED -> "Route state changed";
      case OBJECTIVE_BURNING -> "Error budget burning";
    };
  }

  /**
   * The title: the headline and the notice's name.
   *
   * @param notification the notification
   * @return such as "Incident opened: Checkout is failing"
   */
  static String title(Notification notification) {
    return headline(notification.type())
        + notification.notice().map(notice -> ": " + notice.name())
            .or(() -> notification.routeChange().map(change -> ": " + change.name()))
            .orElse("");
  }

  /**
   * The status the event announced (its update's), else the notice's.
   *
   * @param notification the notification
   * @return such as "Investigating", or empty without a notice
   */
  static String status(Notification notification) {
    return notification.update()
        .map(update -> update.status().label())
        .or(() -> notification.notice().map(notice -> notice.status().label()))
        .or(() -> notification.routeChange().map(change -> change.to().label()))
        .orElse("");
  }

  /**
   * The impact in words.
   *
   * @param impact the impact
   * @return such as "Major"
   */
  static String impact(Impact impact) {
    return impact.label();
  }

  /**
   * The body of the update the event announced.
   *
   * @param notification the notification
   * @return the body, or empty when the event added no update
   */
  static String body(Notification notification) {
    return notification.update().map(update -> update.body())
        .or(() -> notification.routeChange().map(ChatWording::changed))
        .orElse("");
  }

  /** Such as "Checkout (/checkout) went from Operational to Major outage." */
  private static String changed(RouteStateChange change) {
    return change.name() + " (" + change.route().rule() + ") went from " + change.from().label() + " to "
        + change.to().label().toLowerCase(Locale.ROOT) + ".";
  }

  /**
   * The affected routes, by rule.
   *
   * @param notification the notification
   * @return such as "/checkout, /search", or empty when it names none
   */
  static String routes(Notification notification) {
    return notification.routes().stream().map(RouteKey::rule).collect(Collectors.joining(", "));
  }

  /**
   * The colour of a notification, as 0xRRGGBB.
   *
   * @param notification the notification
   * @return green when over (as of the event), else by impact
   */
  static int colour(Notification notification) {
    if (notification.routeChange().isPresent()) {
      return switch (notification.routeChange().get().to()) {
        case OPERATIONAL -> OVER;
        case DEGRADED -> MINOR;
        case PARTIAL_OUTAGE -> MAJOR;
        case MAJOR_OUTAGE -> CRITICAL;
        case NO_DATA -> NO_IMPACT;
        case MAINTENANCE -> MAINTENANCE;
      };
    }
    if (notification.notice().isEmpty()) {
      return NO_IMPACT;
    }
    Notice notice = notification.notice().get();
    boolean over = notification.update().map(update -> !update.status().isOpen()).orElse(!notice.isOpen());
    if (over) {
      return OVER;
    }
    return switch (notice.impact()) {
      case NONE -> NO_IMPACT;
      case MINOR -> MINOR;
      case MAJOR -> MAJOR;
      case CRITICAL -> CRITICAL;
      case MAINTENANCE -> MAINTENANCE;
    };
  }
}
