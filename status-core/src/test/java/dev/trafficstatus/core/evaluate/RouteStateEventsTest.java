package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.core.evaluate.SimulatedTraffic.CHECKOUT;
import static dev.trafficstatus.core.evaluate.SimulatedTraffic.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.notify.RouteChangePayload;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19: the evaluator writes a route.state_changed event when a route's verdict changes. */
class RouteStateEventsTest {

  private final SimulatedTraffic shop = new SimulatedTraffic("2026-03-01T10:00:20Z");

  private List<OutboxEvent> routeEvents() {
    return shop.notices().outbox().stream().filter(e -> e.type() == EventType.ROUTE_STATE_CHANGED).toList();
  }

  private static String change(OutboxEvent event) {
    RouteStateChange change = RouteChangePayload.read(event.payload()).orElseThrow();
    return change.route().rule() + " " + change.from() + " -> " + change.to() + " at " + change.at();
  }

  @Test
  void aRouteThatFailsAndRecoversIsAnnouncedTwiceWhicheverProcessEvaluates() {
    Evaluator one = shop.evaluator();
    Evaluator other = shop.evaluator();
    shop.traffic(CHECKOUT, 100, 0);
    shop.traffic(SEARCH, 100, 0);
    shop.minutes(5, one, other);
    assertThat(routeEvents()).as("a route's first verdict is only recorded").isEmpty();

    shop.traffic(CHECKOUT, 0, 100);
    shop.minutes(5, other, one);
    shop.traffic(CHECKOUT, 100, 0);
    shop.minutes(8, one, other);

    List<OutboxEvent> events = routeEvents();
    assertThat(events).extracting(RouteStateEventsTest::change).containsExactly(
        "/checkout OPERATIONAL -> MAJOR_OUTAGE at 2026-03-01T10:06:20Z",
        "/checkout MAJOR_OUTAGE -> OPERATIONAL at 2026-03-01T10:15:20Z");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.noticeId()).isNull();
      assertThat(event.createdAt()).isEqualTo(RouteChangePayload.read(event.payload()).orElseThrow().at());
    });
    assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());
    assertThat(RouteChangePayload.read(events.get(0).payload()).orElseThrow().name()).isEqualTo("Checkout");
  }

  @Test
  void aRouteThatGoesQuietKeepsItsStateAndSaysNothing() {
    Evaluator evaluator = shop.evaluator();
    shop.traffic(CHECKOUT, 100, 0);
    shop.minutes(5, evaluator);

    shop.traffic(CHECKOUT, 0, 0);
    shop.minutes(30, evaluator);
    shop.traffic(CHECKOUT, 100, 0);
    shop.minutes(5, evaluator);

    assertThat(routeEvents()).isEmpty();
  }

  @Test
  void eventsAreWrittenWhenAutomaticIncidentsAreOff() {
    Evaluator evaluator = shop.evaluator(
        new IncidentSettings(false, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
            OpenOn.PARTIAL_OUTAGE, Map.of()),
        MaintenanceWindowSettings.defaults());
    shop.traffic(SEARCH, 100, 0);
    shop.minutes(3, evaluator);
    shop.traffic(SEARCH, 0, 100);
    shop.minutes(1, evaluator);

    assertThat(shop.incidents()).isEmpty();
    assertThat(routeEvents()).extracting(RouteStateEventsTest::change)
        .containsExactly("/search OPERATIONAL -> MAJOR_OUTAGE at 2026-03-01T10:04:20Z");
  }
}
