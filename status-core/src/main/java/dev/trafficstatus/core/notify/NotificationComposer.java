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
 * id, time and page added (the JSON a webhook posts), the notice as stored now, the timeline entry
 * the event announced, the link to the notice's page, and for a route's state change the change
 * read back from its payload ({@link RouteChangePayload}).
 */
final class NotificationComposer {

  private final StatusStore store;
  private final NoticeLinks links;
  private final Optional<String> page;

  /**
   * @param store where notices are read
   * @param links where notices' pages are
   * @param page the page's part of every body ({@code {"id", "name", "url"}}), if any
   */
  NotificationComposer(StatusStore store, NoticeLinks links, Optional<String> page) {
    this.store = Objects.requireNonNull(store, "store");
    this.links = Objects.requireNonNull(links, "links");
    this.page = Objects.requireNonNull(page, "page");
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
            json(event, page),
            notice,
            update,
            event.noticeId() == null ? Optional.empty() : links.of(event.noticeId()),
            routeChange));
  }

  /**
   * The stored payload with the event's id and time in front, then its type and page: {@code
   * {"id", "created_at", "event", "page", …}}. Notice events store their page (as it was named
   * then); route and objective events get it here, and events stored without their {@code event}
   * (objective events written before they carried it) get that. A payload that is not a JSON object
   * (none the server writes) is kept whole under {@code payload}.
   *
   * @param event the event
   * @param page the page's part, if any
   * @return JSON text
   */
  static String json(OutboxEvent event, Optional<String> page) {
    String head = "{\"id\":\"" + event.id() + "\",\"created_at\":\"" + event.createdAt() + "\"";
    String type = "\"event\":\"" + event.type().wireName() + "\"";
    String payload = event.payload().strip();
    if (!payload.startsWith("{")) {
      return head + "," + type + page.map(p -> ",\"page\":" + p).orElse("") + ",\"payload\":" + payload + "}";
    }
    String rest = payload.substring(1).strip();
    if (rest.startsWith(type)) {
      rest = rest.substring(type.length());
    } else if (rest.startsWith("\"event\"")) {
      return head + "," + rest; // not a shape the server writes: as stored
    } else if (!rest.startsWith("}")) {
      rest = "," + rest;
    }
    boolean hasPage = rest.startsWith(",") && rest.substring(1).strip().startsWith("\"page\"");
    return head + "," + type + (hasPage ? "" : page.map(p -> ",\"page\":" + p).orElse("")) + rest;
  }
}
