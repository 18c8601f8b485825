package dev.trafficstatus.core.notify;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StatusStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an outbox event into the notification notifiers get: the stored payload with the event's
 * id and time added (the JSON a webhook posts), the notice as stored now, the timeline entry the
 * event announced, the link to the notice's page, and for a route's state change the change read
 * back from its payload ({@link RouteChangePayload}).
 */
final class NotificationComposer {

  private final StatusStore store;
  private final NoticeLinks links;

  /**
   * @param store where notices are read
   * @param links where notices' pages are
   */
  NotificationComposer(StatusStore store, NoticeLinks links) {
    this.store = Objects.requireNonNull(store, "store");
    this.links = Objects.requireNonNull(links, "links");
  }

  /**
   * The notification of an event.
   *
   * @param event the event
   * @return the notification, or empty when its notice was deleted since (written by mistake:
   *     nobody is told more about it)
   * @throws dev.trafficstatus.spi.store.StoreException when the notice cannot be read
   */
  Optional<Notification> compose(OutboxEvent event) {
    Optional<Notice> notice = Optional.empty();
    if (event.noticeId() != null) {
      Optional<NoticeStore> notices = store.notices();
      notice = notices.flatMap(kept -> kept.find(event.noticeId()));
      if (notice.isEmpty()) {
        return Optional.empty();
      }
    }
    Optional<NoticeUpdate> update =
        notice.flatMap(
            n -> n.updates().stream().filter(u -> u.createdAt().equals(event.createdAt())).findFirst());
    Optional<RouteStateChange> routeChange =
        event.type() == EventType.ROUTE_STATE_CHANGED ? RouteChangePayload.read(event.payload()) : Optional.empty();
    return Optional.of(
        new Notification(
            event.id(),
            event.type(),
            event.createdAt(),
            json(event),
            notice,
            update,
            event.noticeId() == null ? Optional.empty() : links.of(event.noticeId()),
            routeChange));
  }

  /**
   * The stored payload with the event's id and time in front: {@code {"id", "created_at", "event",
   * …}}. A payload without {@code event} first (as {@code objective.burning} events were written
   * before they carried it) gets it. A payload that is not a JSON object (none the server writes)
   * is kept whole under {@code payload}.
   */
  static String json(OutboxEvent event) {
    String head = "{\"id\":\"" + event.id() + "\",\"created_at\":\"" + event.createdAt() + "\"";
    String type = ",\"event\":\"" + event.type().wireName() + "\"";
    String payload = event.payload().strip();
    if (payload.startsWith("{")) {
      String rest = payload.substring(1).strip();
      if (rest.startsWith("\"event\"")) {
        return head + "," + rest;
      }
      return head + type + (rest.startsWith("}") ? "" : ",") + rest;
    }
    return head + type + ",\"payload\":" + payload + "}";
  }
}
