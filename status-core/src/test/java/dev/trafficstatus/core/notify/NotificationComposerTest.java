package dev.trafficstatus.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON a webhook posts: the stored payload with the event's id and time in front. */
class NotificationComposerTest {

  private static final Instant AT = Instant.parse("2026-03-01T12:00:00.250Z");

  private static OutboxEvent event(String payload) {
    return new OutboxEvent("abcdefghijkl", EventType.INCIDENT_OPENED, "0123456789ab", AT, payload);
  }

  @Test
  void theIdAndTimeGoInFrontOfThePayloadsFields() {
    assertThat(NotificationComposer.json(event(" {\"event\":\"incident.opened\",\"incident\":{}}\n"), Optional.empty()))
        .isEqualTo("{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\","
            + "\"event\":\"incident.opened\",\"incident\":{}}");
    assertThat(NotificationComposer.json(event("{ }"), Optional.empty()))
        .isEqualTo("{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\",\"event\":\"incident.opened\"}");
  }

  @Test
  void aPayloadThatIsNoObjectIsKeptWhole() {
    assertThat(NotificationComposer.json(event("[1,2]"), Optional.empty()))
        .isEqualTo("{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\","
            + "\"event\":\"incident.opened\",\"payload\":[1,2]}");
  }

  @Test
  void aRouteStateChangeComesWithItsChangeReadBackFromThePayload() {
    RouteStateChange change = new RouteStateChange(
        new RouteKey("shop", "/items/{id}"), "Items \"all\" \\ \u2028 ünïcode\n", Health.OPERATIONAL,
        Health.MAJOR_OUTAGE, AT);
    OutboxEvent event =
        new OutboxEvent("abcdefghijkl", EventType.ROUTE_STATE_CHANGED, null, AT, RouteChangePayload.write(change));

    Notification notification =
        new NotificationComposer(new InMemoryStore(), NoticeLinks.none(), Optional.empty()).compose(event).orElseThrow();

    assertThat(notification.routeChange()).contains(change);
    assertThat(notification.routes()).containsExactly(change.route());
    assertThat(notification.notice()).isEmpty();
    assertThat(notification.json()).isEqualTo(
        "{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\",\"event\":\"route.state_changed\","
            + "\"route\":{\"service\":\"shop\",\"rule\":\"/items/{id}\",\"name\":\"Items \\\"all\\\" \\\\ \\u2028 ünïcode\\u000a\"},"
            + "\"from\":\"operational\",\"to\":\"major_outage\",\"at\":\"2026-03-01T12:00:00.250Z\"}");
    assertThat(RouteChangePayload.read("{\"event\":\"route.state_changed\"}")).isEmpty();
  }

  @Test
  void everyBodyNamesItsEventAfterTheIdAndTimeAlsoWhenItsStoredPayloadDidNot() {
    String before = "{\"objective\":\"checkout\",\"pair\":\"fast\"}";
    String now = "{\"event\":\"objective.burning\",\"objective\":\"checkout\",\"pair\":\"fast\"}";
    String expected = "{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\","
        + "\"event\":\"objective.burning\",\"objective\":\"checkout\",\"pair\":\"fast\"}";
    for (String stored : new String[] {before, now}) {
      OutboxEvent event = new OutboxEvent("abcdefghijkl", EventType.OBJECTIVE_BURNING, null, AT, stored);
      assertThat(new NotificationComposer(new InMemoryStore(), NoticeLinks.none(), Optional.empty()).compose(event).orElseThrow().json())
          .isEqualTo(expected);
    }
  }

  @Test
  void routeAndObjectiveEventsGetThePageThatNoticeEventsStore() {
    Optional<String> page = Optional.of("{\"id\":\"p1\",\"name\":\"The Shop\",\"url\":null}");
    OutboxEvent route = new OutboxEvent("abcdefghijkl", EventType.ROUTE_STATE_CHANGED, null, AT,
        "{\"event\":\"route.state_changed\",\"route\":{}}");
    assertThat(NotificationComposer.json(route, page)).isEqualTo(
        "{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\",\"event\":\"route.state_changed\","
            + "\"page\":{\"id\":\"p1\",\"name\":\"The Shop\",\"url\":null},\"route\":{}}");
    OutboxEvent objective = new OutboxEvent("abcdefghijkl", EventType.OBJECTIVE_BURNING, null, AT, "{\"objective\":\"x\"}");
    assertThat(NotificationComposer.json(objective, page)).isEqualTo(
        "{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\",\"event\":\"objective.burning\","
            + "\"page\":{\"id\":\"p1\",\"name\":\"The Shop\",\"url\":null},\"objective\":\"x\"}");
    // A notice's event keeps the page it stored (named as it was then), not a second one.
    String stored = "{\"event\":\"incident.opened\",\"page\":{\"id\":\"p1\",\"name\":\"Old name\"},\"incident\":{}}";
    assertThat(NotificationComposer.json(event(stored), page)).isEqualTo(
        "{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\","
            + "\"event\":\"incident.opened\",\"page\":{\"id\":\"p1\",\"name\":\"Old name\"},\"incident\":{}}");
  }
}
