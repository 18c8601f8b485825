package dev.trafficstatus.server.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageBuilder;
import dev.trafficstatus.core.status.PageSettings;
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
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The projection of one page model with every kind of notice (an open incident, a resolved one, a
 * scheduled and an in-progress maintenance) and a route without data: each endpoint's JSON against
 * the schema, timelines newest first, the fields that tie objects together, times in the page's
 * offset, and the indicator table.
 */
class StatuspageViewTest {

  private static final Instant NOW = Instant.parse("2025-06-15T10:00:30Z");
  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey QUIET = new RouteKey("shop", "/export");
  private static final RouteKey HIDDEN = new RouteKey("shop", "/admin");
  private static final String PAGE = StatuspageIds.page("shop");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static int ids;

  private static String id() {
    return String.format("%012d", ++ids);
  }

  static StatusPage page(ZoneId zone, List<Notice> notices, long checkoutFailures) {
    PageSettings settings = new PageSettings("The Shop", 90, 365, zone, Duration.ofMinutes(1),
        Duration.ofMinutes(10), Duration.ofMinutes(15), List.of(), dev.trafficstatus.core.status.Grouping.GROUP);
    List<StoredRoute> routes = List.of(
        new StoredRoute(HOME, "Home", "The front page.", "Storefront", false, false),
        new StoredRoute(CHECKOUT, "Checkout", "", "Checkout", false, false),
        new StoredRoute(QUIET, "Export", "", "Checkout", false, false),
        new StoredRoute(HIDDEN, "Admin", "", "Admin", true, false));
    List<RouteTally> recent = List.of(
        new RouteTally(HOME, tally(1_000, 0)), new RouteTally(CHECKOUT, tally(1_000 - checkoutFailures, checkoutFailures)));
    return new PageBuilder(settings, HealthPolicy.defaults())
        .build(NOW, 90, routes, List.of(), recent, false, notices);
  }

  private static Tally tally(long successes, long failures) {
    return new Tally(successes + failures, successes, failures, 0, Duration.ofMillis(5),
        LatencyHistogram.builder().record(Duration.ofMillis(5), successes + failures).build());
  }

  static Notice incident(NoticeStatus status, Impact impact, Instant created, List<RouteState> affected) {
    String id = id();
    List<NoticeUpdate> updates = new ArrayList<>();
    updates.add(new NoticeUpdate(id(), NoticeStatus.INVESTIGATING, "Looking </script> into it", created,
        created, false, affected.stream().map(s -> new StateChange(s.route(), Health.OPERATIONAL, s.state())).toList()));
    if (!status.isOpen()) {
      updates.add(0, new NoticeUpdate(id(), status, "Fixed.", created.plusSeconds(600), created.plusSeconds(600),
          false, List.of()));
    }
    return new Notice(id, NoticeKind.INCIDENT, "Payments <img onerror=x> fail", status, impact, false, true,
        created, created, updates.get(0).createdAt(), null, status.isOpen() ? null : created.plusSeconds(600),
        null, null, affected, updates, 1);
  }

  static Notice maintenance(NoticeStatus status, Instant from, Instant until, List<RouteKey> routes) {
    return new Notice(id(), NoticeKind.MAINTENANCE, "Database upgrade", status, Impact.MAINTENANCE, false, true,
        NOW.minusSeconds(86_400), from, NOW.minusSeconds(60), null, null, from, until,
        routes.stream().map(r -> new RouteState(r, Health.OPERATIONAL)).toList(),
        List.of(new NoticeUpdate(id(), status, "We upgrade.", NOW.minusSeconds(60), NOW.minusSeconds(60), false,
            List.of())), 1);
  }

  private static List<Notice> everyKind() {
    return List.of(
        incident(NoticeStatus.IDENTIFIED, Impact.MAJOR, NOW.minusSeconds(1_800),
            List.of(new RouteState(CHECKOUT, Health.MAJOR_OUTAGE), new RouteState(HIDDEN, Health.MAJOR_OUTAGE))),
        incident(NoticeStatus.RESOLVED, Impact.MINOR, NOW.minusSeconds(86_400), List.of()),
        maintenance(NoticeStatus.SCHEDULED, NOW.plusSeconds(86_400), NOW.plusSeconds(90_000), List.of(HOME)),
        maintenance(NoticeStatus.IN_PROGRESS, NOW.minusSeconds(600), NOW.plusSeconds(3_000), List.of(QUIET)));
  }

  private static JsonNode json(Object value) throws IOException {
    return JSON.readTree(StatuspageWriter.bytes(value));
  }

  @Test
  void everyEndpointOfAPageWithEveryKindOfNoticeConformsToTheSchema() throws IOException {
    StatuspageView view = new StatuspageView(page(ZoneId.of("UTC"), everyKind(), 0), PAGE, "https://status.example.com/status");
    List<Object[]> endpoints = List.of(
        new Object[] {"summary", (Function<StatuspageView, Object>) StatuspageView::summary},
        new Object[] {"statusEnvelope", (Function<StatuspageView, Object>) StatuspageView::status},
        new Object[] {"componentsEnvelope", (Function<StatuspageView, Object>) StatuspageView::components},
        new Object[] {"incidentsEnvelope", (Function<StatuspageView, Object>) StatuspageView::incidents},
        new Object[] {"incidentsEnvelope", (Function<StatuspageView, Object>) StatuspageView::unresolved},
        new Object[] {"maintenancesEnvelope", (Function<StatuspageView, Object>) StatuspageView::maintenances},
        new Object[] {"maintenancesEnvelope", (Function<StatuspageView, Object>) StatuspageView::upcoming},
        new Object[] {"maintenancesEnvelope", (Function<StatuspageView, Object>) StatuspageView::active});
    for (Object[] endpoint : endpoints) {
      @SuppressWarnings("unchecked")
      Object answer = ((Function<StatuspageView, Object>) endpoint[1]).apply(view);
      assertThat(StatuspageSchema.violations((String) endpoint[0], json(answer))).as((String) endpoint[0]).isEmpty();
    }
    JsonNode summary = json(view.summary());
    assertThat(summary.get("incidents")).hasSize(1);
    assertThat(summary.get("scheduled_maintenances")).hasSize(2);
    assertThat(json(view.incidents()).get("incidents")).hasSize(2);
    assertThat(json(view.upcoming()).get("scheduled_maintenances")).hasSize(1);
    assertThat(json(view.active()).at("/scheduled_maintenances/0/status").asText()).isEqualTo("in_progress");
  }

  @Test
  void incidentsTieToThePageAndItsComponentsAndTellTheirTimelineNewestFirst() throws IOException {
    StatuspageView view = new StatuspageView(page(ZoneId.of("UTC"), everyKind(), 0), PAGE, "https://status.example.com/status");
    JsonNode resolved = json(view.incidents()).at("/incidents/1");
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    assertThat(resolved.at("/incident_updates/0/status").asText()).isEqualTo("resolved");
    assertThat(resolved.at("/incident_updates/1/status").asText()).isEqualTo("investigating");
    assertThat(resolved.get("components")).as("an incident of no route").isEmpty();
    assertThat(resolved.at("/incident_updates/0/affected_components").isNull()).isTrue();

    JsonNode open = json(view.unresolved()).at("/incidents/0");
    assertThat(open.get("shortlink").asText()).isEqualTo("https://status.example.com/status/incidents/" + open.get("id").asText());
    assertThat(open.get("page_id").asText()).isEqualTo(PAGE);
    assertThat(open.get("name").asText()).isEqualTo("Payments <img onerror=x> fail");
    assertThat(open.get("components")).as("the route the page does not show is left out").hasSize(1);
    assertThat(open.at("/components/0/id").asText()).isEqualTo(StatuspageIds.route(CHECKOUT));
    JsonNode change = open.at("/incident_updates/0/affected_components/0");
    assertThat(change.get("code").asText()).isEqualTo(StatuspageIds.route(CHECKOUT));
    assertThat(change.get("old_status").asText()).isEqualTo("operational");
    assertThat(change.get("new_status").asText()).isEqualTo("major_outage");
    assertThat(open.at("/incident_updates/0/incident_id").asText()).isEqualTo(open.get("id").asText());
    assertThat(open.at("/incident_updates/0/body").asText()).isEqualTo("Looking </script> into it");
    assertThat(open.has("scheduled_for")).isFalse();
    assertThat(new String(StatuspageWriter.bytes(view.unresolved()), java.nio.charset.StandardCharsets.UTF_8))
        .as("HTML's characters escaped").doesNotContain("</script>", "<img");
  }

  @Test
  void timesCarryMillisecondsAndThePagesOffset() throws IOException {
    StatuspageView view = new StatuspageView(page(ZoneId.of("Europe/Berlin"), everyKind(), 0), PAGE, "https://x.example/s");
    JsonNode summary = json(view.summary());
    assertThat(summary.at("/page/updated_at").asText()).isEqualTo("2025-06-15T12:00:30.000+02:00");
    assertThat(summary.at("/page/time_zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(summary.at("/scheduled_maintenances/0/scheduled_for").asText()).endsWith("+02:00");
  }

  @Test
  void theRunningMaintenancesRouteIsUnderMaintenanceAsOnThePage() throws IOException {
    StatusPage page = page(ZoneId.of("UTC"), everyKind(), 0);
    StatuspageView view = new StatuspageView(page, PAGE, "https://x.example/s");
    assertThat(view.statusOf(StatuspageIds.route(QUIET))).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
    page.groups().forEach(group -> group.routes().forEach(route ->
        assertThat(view.statusOf(StatuspageIds.route(route.key()))).as(route.name())
            .isEqualTo(ComponentStatus.of(route.current()))));
  }

  @Test
  void theIndicatorIsTheWorstOfComponentsAndOpenIncidents() {
    record Case(List<Notice> notices, long failures, String indicator, String description) {}
    Instant then = NOW.minusSeconds(60);
    List<Case> cases = List.of(
        new Case(List.of(), 0, "none", "All Systems Operational"),
        new Case(List.of(), 2, "minor", "Minor Service Outage"),
        new Case(List.of(), 20, "major", "Partial System Outage"),
        new Case(List.of(), 500, "critical", "Major Service Outage"),
        new Case(List.of(incident(NoticeStatus.INVESTIGATING, Impact.MINOR, then, List.of())), 0, "minor", "Minor Service Outage"),
        new Case(List.of(incident(NoticeStatus.INVESTIGATING, Impact.MAJOR, then, List.of())), 2, "major", "Partial System Outage"),
        new Case(List.of(incident(NoticeStatus.MONITORING, Impact.CRITICAL, then, List.of())), 0, "critical", "Major Service Outage"),
        new Case(List.of(incident(NoticeStatus.INVESTIGATING, Impact.NONE, then, List.of())), 0, "none", "All Systems Operational"),
        new Case(List.of(incident(NoticeStatus.RESOLVED, Impact.CRITICAL, then, List.of())), 0, "none", "All Systems Operational"),
        new Case(List.of(maintenance(NoticeStatus.IN_PROGRESS, NOW.minusSeconds(60), NOW.plusSeconds(60), List.of(HOME))), 0,
            "none", "Service Under Maintenance"),
        new Case(List.of(maintenance(NoticeStatus.IN_PROGRESS, NOW.minusSeconds(60), NOW.plusSeconds(60), List.of(HOME))), 20,
            "major", "Partial System Outage"));
    for (Case c : cases) {
      StatuspageView view = new StatuspageView(page(ZoneId.of("UTC"), c.notices(), c.failures()), PAGE, "https://x.example/s");
      assertThat(view.rolledUp().indicator()).as(c.toString()).isEqualTo(c.indicator());
      assertThat(view.rolledUp().description()).as(c.toString()).isEqualTo(c.description());
    }
  }

  @Test
  void theSchemaRefusesAMissingKeyAWrongTypeAndAnUnknownEnum() throws IOException {
    StatuspageView view = new StatuspageView(page(ZoneId.of("UTC"), everyKind(), 0), PAGE, "https://x.example/s");
    com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode) json(view.summary());
    assertThat(StatuspageSchema.violations("summary", summary)).isEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode missing = summary.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) missing.get("page")).remove("time_zone");
    assertThat(StatuspageSchema.violations("summary", missing)).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode wrongType = summary.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) wrongType.get("components").get(1)).put("position", "1");
    assertThat(StatuspageSchema.violations("summary", wrongType)).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode badEnum = summary.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) badEnum.get("status")).put("indicator", "maintenance");
    assertThat(StatuspageSchema.violations("summary", badEnum)).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode omittedNull = summary.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) omittedNull.get("incidents").get(0)).remove("resolved_at");
    assertThat(StatuspageSchema.violations("summary", omittedNull)).isNotEmpty();
  }
}
