package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.core.evaluate.SimulatedTraffic.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.objective.AlertAction;
import dev.trafficstatus.core.objective.BurnPair;
import dev.trafficstatus.core.objective.Objective;
import dev.trafficstatus.core.objective.ObjectiveAlerts;
import dev.trafficstatus.core.objective.ObjectiveScope;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.core.objective.ScopeKind;
import dev.trafficstatus.core.testing.InMemoryOutbox;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Burn-rate alerts judged by the evaluator: an outage spending 2 % of a 30-day budget fires the
 * 14.4x pair within 5 minutes of its start and clears after recovery, once across three evaluators.
 */
class ObjectiveAlertsTest {

  private static final Objective CHECKOUT_999 = new Objective(
      "checkout", new ObjectiveScope(ScopeKind.ROUTE, "shop", "/checkout"), new BigDecimal("99.9"), null,
      Objective.DEFAULT_WINDOW);

  /**
   * 30 days of 1,000 requests a minute (one row per past day, 1,440,000 successes), then today
   * from midnight minute by minute up to 06:00: the budget is 0.1 % of 43.56 million, 43,560.
   */
  private static SimulatedTraffic history() {
    SimulatedTraffic shop = new SimulatedTraffic("2026-03-31T00:00:20Z");
    Instant today = Instant.parse("2026-03-31T00:00:00Z");
    for (int day = 1; day <= 30; day++) {
      shop.write(CHECKOUT, today.minus(Duration.ofDays(day)).plus(Duration.ofHours(12)), 1_440_000, 0);
    }
    shop.traffic(CHECKOUT, 1_000, 0);
    for (int minute = 0; minute < 360; minute++) {
      shop.minute();
    }
    return shop;
  }

  private static List<Notice> objectiveIncidents(SimulatedTraffic shop) {
    return shop.incidents().stream().filter(ObjectiveAlerts::isObjectiveIncident).toList();
  }

  @Test
  void anOutageSpendingTwoPercentFiresTheFastPairWithinFiveMinutesAndClearsAfterRecoveryOnce() {
    SimulatedTraffic shop = history();
    ObjectiveSettings settings = new ObjectiveSettings(
        List.of(CHECKOUT_999), BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));
    Evaluator[] three = {shop.evaluator(settings), shop.evaluator(settings), shop.evaluator(settings)};
    Instant outageStart = shop.clock.instant().truncatedTo(ChronoUnit.MINUTES);

    // 180 failures a minute in 1,000 for 5 minutes: 900 bad, 2.07 % of the budget. After 4
    // minutes the hour holds 720 bad of 60,000 (12x): not yet; after 5, 900 (15x) and the last 5
    // minutes 18 % (180x): it fires.
    shop.traffic(CHECKOUT, 820, 180);
    shop.minutes(4, three);
    assertThat(objectiveIncidents(shop)).isEmpty();
    shop.minutes(1, three);

    assertThat(objectiveIncidents(shop)).hasSize(1);
    Notice incident = objectiveIncidents(shop).get(0);
    assertThat(Duration.between(outageStart, incident.createdAt())).isLessThanOrEqualTo(Duration.ofMinutes(5).plusSeconds(20));
    assertThat(incident.name()).isEqualTo("Error budget burning: checkout (availability)");
    assertThat(incident.updates().get(0).body())
        .contains("The objective checkout (availability 99.9 % over 30 days) burns its error budget at 15.0x"
            + " over the last 1 h and 180.0x over the last 5 min (alert: 14.4x over 1h and 5m).");

    // Recovery: the 5-minute window empties of failures within five minutes; still firing while
    // it holds at least half the factor.
    shop.traffic(CHECKOUT, 1_000, 0);
    shop.minutes(4, three);
    assertThat(objectiveIncidents(shop).get(0).isOpen()).isTrue();
    shop.minutes(1, three);
    assertThat(objectiveIncidents(shop).get(0).status()).isEqualTo(NoticeStatus.RESOLVED);

    // Nothing more, however long it stays quiet.
    shop.minutes(30, three);
    assertThat(objectiveIncidents(shop)).hasSize(1);
    assertThat(objectiveIncidents(shop).get(0).updates()).hasSize(2);
  }

  @Test
  void aNotifyPairWritesOneBurningEventAndOpensNothingPublic() {
    SimulatedTraffic shop = history();
    ObjectiveSettings settings = new ObjectiveSettings(
        List.of(CHECKOUT_999),
        List.of(new BurnPair(new BigDecimal("14.4"), Duration.ofHours(1), Duration.ofMinutes(5), AlertAction.NOTIFY)),
        new BigDecimal("0.5"), Duration.ofHours(1));
    Evaluator evaluator = shop.evaluator(settings);

    shop.traffic(CHECKOUT, 820, 180);
    shop.minutes(10, evaluator);

    assertThat(objectiveIncidents(shop)).isEmpty();
    List<OutboxEvent> burning = ((InMemoryOutbox) shop.store.outbox().orElseThrow()).events().stream()
        .filter(event -> event.type() == EventType.OBJECTIVE_BURNING).toList();
    assertThat(burning).hasSize(1);
    assertThat(burning.get(0).payload())
        .startsWith("{\"event\":\"objective.burning\",\"objective\":\"checkout\",\"indicator\":\"availability\",\"target\":99.9,"
            + "\"pair\":\"14.4x over 1h and 5m\",\"long_burn\":15.000,\"short_burn\":180.000");
  }

  @Test
  void threeEvaluatorsAnnounceANotifyPairOnceAndAgainOnlyAfterItCleared() {
    SimulatedTraffic shop = history();
    ObjectiveSettings settings = new ObjectiveSettings(
        List.of(CHECKOUT_999),
        List.of(new BurnPair(new BigDecimal("14.4"), Duration.ofHours(1), Duration.ofMinutes(5), AlertAction.NOTIFY)),
        new BigDecimal("0.5"), Duration.ofHours(1));
    // Three processes' evaluators, each evaluating every minute in turn: the pair's memory is the
    // store's, so none announces what another already did.
    Evaluator[] three = {shop.evaluator(settings), shop.evaluator(settings), shop.evaluator(settings)};
    InMemoryOutbox outbox = (InMemoryOutbox) shop.store.outbox().orElseThrow();

    shop.traffic(CHECKOUT, 820, 180);
    shop.minutes(10, three);
    assertThat(burningEvents(outbox)).hasSize(1);
    assertThat(outbox.firingAlerts()).containsExactly("checkout (availability) 14.4x over 1h and 5m");

    shop.traffic(CHECKOUT, 1_000, 0);
    shop.minutes(70, three);
    assertThat(burningEvents(outbox)).hasSize(1);
    assertThat(outbox.firingAlerts()).isEmpty();

    shop.traffic(CHECKOUT, 820, 180);
    shop.minutes(10, three);
    assertThat(burningEvents(outbox)).hasSize(2);
  }

  private static List<OutboxEvent> burningEvents(InMemoryOutbox outbox) {
    return outbox.events().stream().filter(event -> event.type() == EventType.OBJECTIVE_BURNING).toList();
  }

  @Test
  void withAutomaticIncidentsOffTheFastPairNotifiesInstead() {
    SimulatedTraffic shop = history();
    IncidentSettings off = new IncidentSettings(false, Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(15), OpenOn.PARTIAL_OUTAGE, java.util.Map.of());
    Evaluator evaluator = shop.evaluator(new ObjectiveSettings(
        List.of(CHECKOUT_999), BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1)), off);

    shop.traffic(CHECKOUT, 820, 180);
    shop.minutes(10, evaluator);

    assertThat(shop.incidents()).isEmpty();
    assertThat(((InMemoryOutbox) shop.store.outbox().orElseThrow()).events().stream()
        .filter(event -> event.type() == EventType.OBJECTIVE_BURNING)
        .map(event -> event.payload().replaceAll(".*\"pair\":\"([^\"]*)\".*", "$1")))
        // The 6 h window holds 1,800 bad of 360,000 after ten minutes: 5x, under the 6x pair.
        .containsExactly("14.4x over 1h and 5m");
  }
}
