package dev.trafficstatus.spi.notify;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.store.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One outbox event, as a notifier gets it.
 *
 * @param id the event's id, 12 lower-case base-36 characters: the idempotency key, the same in
 *     every attempt and from every process, by which receivers drop repeats
 * @param type what happened
 * @param createdAt when it happened
 * @param json the event as JSON text, as written when it happened: {@code {"id", "created_at",
 *     "event", "page": {"id", "name", "url"}, "incident": {…}}}, the incident in Statuspage's field
 *     names (for notice events); what a webhook posts
 * @param notice the notice the event is about, as it is now (its name, impact and routes may have
 *     changed since the event); empty for events about no notice (a route's state)
 * @param update the entry of the notice's timeline the event announced, if it added one: its
 *     status and body are those of the moment of the event
 * @param link the absolute URL of the notice's page, when {@code page.publicUrl} is set
 * @param routeChange the change of a route's state, for {@link EventType#ROUTE_STATE_CHANGED}
 *     events; empty for every other
 */
public record Notification(
    String id,
    EventType type,
    Instant createdAt,
    String json,
    Optional<Notice> notice,
    Optional<NoticeUpdate> update,
    Optional<URI> link,
    Optional<RouteStateChange> routeChange) {

  private static final Pattern ID = Pattern.compile("[0-9a-z]{12}");

  /** Checks the parts are present. */
  public Notification {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an event id is 12 lower-case letters and digits");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(routeChange, "routeChange");
  }

  /**
   * A notification of no route change: the form from before route state changes were sent, kept
   * so notifiers' code that builds notifications (their tests) compiles unchanged.
   *
   * @param id the event's id
   * @param type what happened
   * @param createdAt when it happened
   * @param json the event as JSON text
   * @param notice the notice the event is about, if any
   * @param update the timeline entry the event announced, if any
   * @param link the notice's page, if known
   */
  public Notification(
      String id,
      EventType type,
      Instant createdAt,
      String json,
      Optional<Notice> notice,
      Optional<NoticeUpdate> update,
      Optional<URI> link) {
    this(id, type, createdAt, json, notice, update, link, Optional.empty());
  }

  /**
   * The routes the event is about: the notice's affected routes, or the route whose state changed;
   * empty when the notice names none (then it is about the whole service) or the event is about
   * neither.
   *
   * @return the routes, in the notice's order
   */
  public List<RouteKey> routes() {
    if (routeChange.isPresent()) {
      return List.of(routeChange.get().route());
    }
    return notice.map(n -> n.affected().stream().map(RouteState::route).toList()).orElse(List.of());
  }
}
