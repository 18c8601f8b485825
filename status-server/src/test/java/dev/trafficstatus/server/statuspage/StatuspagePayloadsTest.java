package dev.trafficstatus.server.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What notifiers receive about a notice: the event's name, the page, and Statuspage's incident
 * object with every affected route, named from the page last read where it shows the route.
 */
class StatuspagePayloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPayloadIsTheEventThePageAndTheIncidentObjectWithEveryAffectedRoute() throws Exception {
    Notice incident = StatuspageViewTest.incident(NoticeStatus.INVESTIGATING, Impact.CRITICAL,
        Instant.parse("2025-06-15T09:50:00Z"), List.of(
            new RouteState(new RouteKey("shop", "/checkout"), Health.MAJOR_OUTAGE),
            new RouteState(new RouteKey("shop", "/admin"), Health.PARTIAL_OUTAGE)));
    StatuspagePayloads payloads = new StatuspagePayloads(StatuspageIds.page("shop"), "The Shop",
        "https://status.example.com/status", ZoneId.of("UTC"),
        () -> Optional.of(StatuspageViewTest.page(ZoneId.of("UTC"), List.of(incident), 500)));

    JsonNode payload = JSON.readTree(payloads.payload(EventType.INCIDENT_OPENED, incident));

    assertThat(payload.get("event").asText()).isEqualTo("incident.opened");
    assertThat(payload.at("/page/name").asText()).isEqualTo("The Shop");
    assertThat(payload.at("/page/url").asText()).isEqualTo("https://status.example.com/status");
    JsonNode object = payload.get("incident");
    assertThat(StatuspageSchema.violations("incident", object)).isEmpty();
    assertThat(object.get("shortlink").asText())
        .isEqualTo("https://status.example.com/status/incidents/" + incident.id());
    assertThat(object.get("components")).extracting(c -> c.get("name").asText())
        .as("the page's name, and the rule of a route the page does not show")
        .containsExactly("Checkout", "/admin");
    assertThat(object.at("/components/0/status").asText()).isEqualTo("major_outage");
  }

  @Test
  void withoutAPageReadYetRoutesAreNamedByTheirRuleAndNothingLinksWithoutAPublicUrl() throws Exception {
    Notice incident = StatuspageViewTest.incident(NoticeStatus.INVESTIGATING, Impact.MINOR,
        Instant.parse("2025-06-15T09:50:00Z"), List.of(new RouteState(new RouteKey("shop", "/checkout"), Health.DEGRADED)));
    StatuspagePayloads payloads = new StatuspagePayloads(StatuspageIds.page("shop"), "The Shop", null,
        ZoneId.of("UTC"), Optional::empty);

    JsonNode payload = JSON.readTree(payloads.payload(EventType.INCIDENT_UPDATED, incident));

    assertThat(payload.get("event").asText()).isEqualTo("incident.updated");
    assertThat(payload.at("/incident/shortlink").isNull()).isTrue();
    assertThat(payload.at("/page/url").isNull()).isTrue();
    assertThat(payload.at("/incident/components/0/name").asText()).isEqualTo("/checkout");
    assertThat(payload.at("/incident/components/0/status").asText()).isEqualTo("degraded_performance");
  }
}
