package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.core.evaluate.SimulatedTraffic.CHECKOUT;
import static dev.trafficstatus.core.evaluate.SimulatedTraffic.HOME;
import static dev.trafficstatus.core.evaluate.SimulatedTraffic.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notice.NewMaintenance;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 16: incidents opened, updated and resolved by the traffic. */
class AutoIncidentsTest {

  private final SimulatedTraffic shop = new SimulatedTraffic("2026-03-01T10:00:20Z");
  private final Evaluator evaluator = shop.evaluator();

  /** Moves minutes on, evaluating after each, as the evaluator's thread does. */
  private void minutes(int count) {
    for (int i = 0; i < count; i++) {
      shop.minute();
      evaluator.evaluateOnce();
    }
  }

  private Notice theIncident() {
    assertThat(shop.incidents()).hasSize(1);
    return shop.incidents().get(0);
  }

  private static RouteState state(RouteKey route, Health health) {
    return new RouteState(route, health);
  }

  @Test
  void aRouteFailingOverTheWindowOpensOneIncidentWithTheFigures() {
    shop.traffic(CHECKOUT, 62, 38);
    shop.traffic(SEARCH, 100, 0);

    minutes(5);

    Notice incident = theIncident();
    assertThat(incident.automatic()).isTrue();
    assertThat(incident.handledByPerson()).isFalse();
    assertThat(incident.status()).isEqualTo(NoticeStatus.INVESTIGATING);
    assertThat(incident.impact()).isEqualTo(Impact.CRITICAL);
    assertThat(incident.name()).isEqualTo("Checkout is failing");
    assertThat(incident.affected()).containsExactly(state(CHECKOUT, Health.MAJOR_OUTAGE));
    assertThat(incident.updates()).singleElement().satisfies(update -> {
      assertThat(update.automatic()).isTrue();
      assertThat(update.body())
          .startsWith("Checkout: major outage, 38 % of requests failing over the last 5 minutes (");
    });
    assertThat(shop.notices().outbox()).extracting(OutboxEvent::type).containsExactly(EventType.INCIDENT_OPENED);
  }

  @Test
  void theStateGivesTheImpactAndDegradedOpensNothingByDefault() {
    shop.traffic(CHECKOUT, 995, 5);
    minutes(10);
    assertThat(shop.incidents()).isEmpty();

    shop.traffic(CHECKOUT, 980, 20);
    minutes(6);
    assertThat(theIncident().impact()).isEqualTo(Impact.MAJOR);
    assertThat(theIncident().affected()).containsExactly(state(CHECKOUT, Health.PARTIAL_OUTAGE));
    assertThat(theIncident().updates().get(0).body())
        .isEqualTo("Checkout: partial outage, 1.1 % of requests failing over the last 5 minutes (55 of 5,000).");
  }

  @Test
  void openOnDegradedOpensAMinorIncident() {
    Evaluator sensitive =
        shop.evaluator(
            new IncidentSettings(true, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
                OpenOn.DEGRADED, Map.of()),
            MaintenanceWindowSettings.defaults());
    shop.traffic(CHECKOUT, 995, 5);

    shop.minute();
    sensitive.evaluateOnce();

    assertThat(theIncident().impact()).isEqualTo(Impact.MINOR);
  }

  @Test
  void routesWithoutDataNeverOpenAnIncident() {
    shop.traffic(CHECKOUT, 0, 1);

    minutes(9);

    assertThat(shop.incidents()).isEmpty();
  }

  @Test
  void eachStateChangeAddsOneAutomaticUpdateAndNothingElseDoes() {
    shop.traffic(CHECKOUT, 95, 5);
    minutes(3);
    assertThat(theIncident().updates()).hasSize(1);

    shop.traffic(CHECKOUT, 0, 100);
    minutes(10);
    shop.traffic(CHECKOUT, 100, 0);
    minutes(5);

    Notice incident = theIncident();
    List<List<StateChange>> changes = incident.updates().stream().map(NoticeUpdate::changes).toList();
    assertThat(changes)
        .containsExactly(
            // Newest first; operational only once the window holds no failing minute.
            List.of(new StateChange(CHECKOUT, Health.MAJOR_OUTAGE, Health.OPERATIONAL)),
            List.of(new StateChange(CHECKOUT, Health.PARTIAL_OUTAGE, Health.MAJOR_OUTAGE)),
            List.of(new StateChange(CHECKOUT, Health.OPERATIONAL, Health.PARTIAL_OUTAGE)));
    assertThat(incident.updates()).allMatch(NoticeUpdate::automatic);
  }

  @Test
  void failuresTogetherBecomeOneIncidentAndEscalateIt() {
    shop.traffic(CHECKOUT, 98, 2);
    minutes(2);
    shop.traffic(SEARCH, 50, 50);
    minutes(2);

    Notice incident = theIncident();
    assertThat(incident.affected())
        .containsExactlyInAnyOrder(state(CHECKOUT, Health.PARTIAL_OUTAGE), state(SEARCH, Health.MAJOR_OUTAGE));
    assertThat(incident.impact()).isEqualTo(Impact.CRITICAL);
    assertThat(incident.name()).isEqualTo("Checkout and Search are failing");
    assertThat(incident.updates().get(0).changes())
        .containsExactly(new StateChange(SEARCH, Health.OPERATIONAL, Health.MAJOR_OUTAGE));
  }

  @Test
  void aFailureLongAfterTheLastTroubleOpensAnotherIncident() {
    Evaluator slowToResolve =
        shop.evaluator(
            new IncidentSettings(true, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
                OpenOn.PARTIAL_OUTAGE, Map.of()),
            MaintenanceWindowSettings.defaults());
    shop.traffic(CHECKOUT, 90, 10);
    shop.traffic(SEARCH, 100, 0);
    for (int i = 0; i < 3; i++) {
      shop.minute();
      slowToResolve.evaluateOnce();
    }
    shop.traffic(CHECKOUT, 100, 0);
    for (int i = 0; i < 25; i++) {
      shop.minute();
      slowToResolve.evaluateOnce();
    }
    shop.traffic(SEARCH, 90, 10);
    shop.minute();
    slowToResolve.evaluateOnce();

    assertThat(shop.incidents()).hasSize(2);
    assertThat(shop.incidents()).allMatch(Notice::isOpen);
  }

  @Test
  void itResolvesOnceEveryRouteWasOperationalForResolveAfter() {
    shop.traffic(CHECKOUT, 50, 50);
    minutes(3);
    shop.traffic(CHECKOUT, 100, 0);
    minutes(5);
    assertThat(theIncident().affected()).containsExactly(state(CHECKOUT, Health.OPERATIONAL));

    minutes(14);
    assertThat(theIncident().isOpen()).isTrue();
    minutes(1);

    Notice resolved = theIncident();
    assertThat(resolved.status()).isEqualTo(NoticeStatus.RESOLVED);
    assertThat(resolved.updates().get(0).automatic()).isTrue();
    assertThat(resolved.updates().get(0).body())
        .isEqualTo("Every affected route has been operational for 15 minutes: resolved automatically.");
    assertThat(shop.notices().outbox()).extracting(OutboxEvent::type).last().isEqualTo(EventType.INCIDENT_RESOLVED);
  }

  @Test
  void aPersonsUpdateStopsTheAutomaticResolutionButNotTheRouteUpdates() {
    shop.traffic(CHECKOUT, 50, 50);
    minutes(3);
    shop.noticeService().change(theIncident().id(),
        NoticeChange.update(NoticeStatus.IDENTIFIED, "A bad deploy; rolling back.", List.of(), false));
    shop.traffic(CHECKOUT, 100, 0);
    minutes(60);

    Notice incident = theIncident();
    assertThat(incident.isOpen()).isTrue();
    assertThat(incident.status()).isEqualTo(NoticeStatus.IDENTIFIED);
    assertThat(incident.affected()).containsExactly(state(CHECKOUT, Health.OPERATIONAL));
    assertThat(incident.updates().get(0).automatic()).isTrue();

    shop.noticeService().change(incident.id(),
        NoticeChange.update(NoticeStatus.RESOLVED, "Rolled back.", List.of(), false));
    minutes(3);
    assertThat(theIncident().status()).isEqualTo(NoticeStatus.RESOLVED);
    assertThat(theIncident().updates().get(0).body()).isEqualTo("Rolled back.");
  }

  @Test
  void aRouteAPersonAlreadyToldAboutOpensNoAutomaticIncident() {
    shop.noticeService().open(new NewIncident("Checkout is slow", NoticeStatus.IDENTIFIED, Impact.MINOR,
        "We know.", List.of(state(CHECKOUT, Health.DEGRADED)), null, false));
    shop.traffic(CHECKOUT, 50, 50);

    minutes(10);

    assertThat(shop.incidents()).singleElement().satisfies(incident -> {
      assertThat(incident.automatic()).isFalse();
      assertThat(incident.updates()).hasSize(1);
    });
  }

  @Test
  void offBySettingAndPerGroupThresholds() {
    Evaluator off =
        shop.evaluator(
            new IncidentSettings(false, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
                OpenOn.PARTIAL_OUTAGE, Map.of()),
            MaintenanceWindowSettings.defaults());
    RouteKey probe = new RouteKey("shop", "probe:Website");
    RouteKey batch = new RouteKey("shop", "/batch");
    shop.declare(probe, "Website", "Probes");
    shop.declare(batch, "Batch", "Jobs");
    Evaluator grouped =
        shop.evaluator(
            new IncidentSettings(true, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
                OpenOn.PARTIAL_OUTAGE, Map.of("Probes", OpenOn.NEVER, "Jobs", OpenOn.MAJOR_OUTAGE)),
            MaintenanceWindowSettings.defaults());
    shop.traffic(probe, 0, 100);
    shop.traffic(batch, 95, 5);

    shop.minute();
    off.evaluateOnce();
    grouped.evaluateOnce();
    assertThat(shop.incidents()).isEmpty();

    shop.traffic(batch, 50, 50);
    shop.minute();
    off.evaluateOnce();
    assertThat(shop.incidents()).isEmpty();
    grouped.evaluateOnce();
    assertThat(theIncident().affected()).extracting(RouteState::route).containsExactly(batch);
  }

  @Test
  void routesThePageDoesNotShowOpenNothing() {
    RouteKey admin = new RouteKey("shop", "/admin");
    shop.declareProtected(admin, "Admin");
    shop.traffic(admin, 0, 100);
    shop.store.deleteRoute(HOME);
    shop.traffic(HOME, 0, 100);

    minutes(5);

    assertThat(shop.incidents()).isEmpty();
  }

  @Test
  void anEvaluatorThatDiesMidRunLeavesWholeChangesAndTheNextOneContinues() {
    shop.traffic(CHECKOUT, 95, 5);
    minutes(3);
    Instant nextMinute = shop.clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Notice upgrade = shop.noticeService().schedule(new NewMaintenance(null, "Home upgrade", List.of(HOME),
        nextMinute, nextMinute.plus(Duration.ofMinutes(30)), "", null, false));
    shop.traffic(CHECKOUT, 0, 100);
    shop.traffic(SEARCH, 0, 100);
    shop.minute();
    // This run starts the maintenance (one save), then reports Checkout worse and Search joining
    // (another save): the process dies between the two.
    shop.notices().failSavesAfter(1);
    assertThatThrownBy(evaluator::evaluateOnce).isInstanceOf(StoreException.class);
    assertThat(shop.noticeService().find(upgrade.id()).orElseThrow().status()).isEqualTo(NoticeStatus.IN_PROGRESS);
    assertThat(theIncident().updates()).hasSize(1);

    shop.notices().failSavesAfter(Integer.MAX_VALUE);
    Evaluator next = shop.evaluator();
    next.evaluateOnce();
    next.evaluateOnce();

    assertThat(shop.noticeService().find(upgrade.id()).orElseThrow().updates()).hasSize(2);
    Notice incident = theIncident();
    assertThat(incident.updates()).hasSize(2);
    assertThat(incident.updates().get(0).changes())
        .containsExactlyInAnyOrder(
            new StateChange(CHECKOUT, Health.PARTIAL_OUTAGE, Health.MAJOR_OUTAGE),
            new StateChange(SEARCH, Health.OPERATIONAL, Health.MAJOR_OUTAGE));
  }

  @Test
  void anotherProcessHoldingTheDutySkipsThisOne() throws Exception {
    shop.traffic(CHECKOUT, 0, 100);
    shop.minute();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread other = new Thread(() -> shop.store.runExclusive(Evaluator.DUTY, () -> {
      held.countDown();
      try {
        return release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }));
    other.start();
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

    EvaluationReport report = evaluator.evaluateOnce();

    release.countDown();
    other.join(30_000);
    assertThat(report.ran()).isFalse();
    assertThat(shop.incidents()).isEmpty();
    assertThat(evaluator.evaluateOnce().incidentsOpened()).isEqualTo(1);
  }

  @Test
  void itsWorkDoesNotGrowWithHistory() {
    // A year of incidents, one a day, each resolved after an hour.
    NoticeService people = shop.noticeService();
    Instant now = shop.clock.instant();
    for (int day = 365; day >= 1; day--) {
      shop.clock.set(now.minus(Duration.ofDays(day)));
      Notice old = people.open(new NewIncident("Old trouble " + day, NoticeStatus.INVESTIGATING, Impact.MINOR,
          "Then.", List.of(state(SEARCH, Health.DEGRADED)), null, false));
      shop.clock.advance(Duration.ofHours(1));
      people.change(old.id(), NoticeChange.update(NoticeStatus.RESOLVED, "Over.", List.of(), false));
    }
    shop.clock.set(now);
    NoticesReadCounter counting = new NoticesReadCounter(shop.store);
    Evaluator watched = shop.evaluator(counting, IncidentSettings.defaults(), MaintenanceWindowSettings.defaults());
    shop.traffic(CHECKOUT, 50, 50);

    for (int i = 0; i < 10; i++) {
      shop.minute();
      watched.evaluateOnce();
    }

    // Ten runs read the one open incident (and the last closed one, within a day) each time, not the year.
    assertThat(shop.incidents()).hasSize(366);
    assertThat(counting.noticesRead()).isLessThanOrEqualTo(10 * 2);
  }
}
