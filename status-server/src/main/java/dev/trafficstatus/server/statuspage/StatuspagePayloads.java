package dev.trafficstatus.server.statuspage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.trafficstatus.core.notice.NoticePayloads;
import dev.trafficstatus.server.statuspage.StatuspageJson.ComponentJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.IncidentJson;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.EventType;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payload of an outbox event about a notice, as notifiers receive it:
 * {@code {"event": "incident.opened", "page": {"id", "name", "url"}, "incident": {…}}}, the incident
 * being Statuspage's incident object (as the public API writes it, with every affected route:
 * routes the page does not show are named by their rule). Route names come from the page last
 * read, when there is one; the page's URL and the incident's short link only from {@code
 * page.publicUrl}, since no request is at hand.
 */
public final class StatuspagePayloads implements NoticePayloads {

  /** The page part of a payload. */
  private record PagePart(String id, String name, String url) {}

  /** A payload: its type first, then its page (the notifier's composer relies on this order). */
  @JsonPropertyOrder({"event", "page", "incident"})
  private record Payload(String event, PagePart page, IncidentJson incident) {}

  private final String pageId;
  private final String title;
  private final String publicUrl;
  private final ZoneId zone;
  private final Supplier<Optional<StatusPage>> latest;

  /**
   * @param pageId the page's id
   * @param title the page's title
   * @param publicUrl the page's absolute URL, or null
   * @param zone the page's time zone
   * @param latest the page last read, if any (never reads the store)
   */
  public StatuspagePayloads(
      String pageId, String title, String publicUrl, ZoneId zone, Supplier<Optional<StatusPage>> latest) {
    this.pageId = Objects.requireNonNull(pageId, "pageId");
    this.title = Objects.requireNonNull(title, "title");
    this.publicUrl = publicUrl;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.latest = Objects.requireNonNull(latest, "latest");
  }

  @Override
  public String payload(EventType type, Notice notice) {
    Optional<StatusPage> page = latest.get();
    Map<RouteKey, String> names = new HashMap<>();
    page.ifPresent(shown -> {
      for (RouteGroup group : shown.groups()) {
        for (RouteStatus route : group.routes()) {
          names.put(route.key(), route.name());
        }
      }
    });
    StatuspageView view = page.map(shown -> new StatuspageView(shown, pageId, publicUrl)).orElse(null);
    NoticeCodec codec = new NoticeCodec(pageId, publicUrl, zone, NoticeCodec.everyRoute(
        pageId,
        route -> view == null ? null : shownComponent(view, route),
        names::get));
    return StatuspageWriter.text(new Payload(
        type.wireName(), new PagePart(pageId, title, publicUrl), codec.incident(notice)));
  }

  @Override
  public Optional<String> page() {
    return Optional.of(StatuspageWriter.text(new PagePart(pageId, title, publicUrl)));
  }

  private static ComponentJson shownComponent(StatuspageView view, RouteKey route) {
    return view.component(StatuspageIds.route(route));
  }
}
