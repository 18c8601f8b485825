package dev.trafficstatus.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.objective.AlertAction;
import dev.trafficstatus.core.objective.BurnPair;
import dev.trafficstatus.core.objective.Objective;
import dev.trafficstatus.core.objective.ObjectiveScope;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.core.objective.ScopeKind;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.ConfigParsing;
import io.dropwizard.configuration.ConfigurationValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status.objectives as config.yml gives it, judged by the core. */
class ObjectivesConfigTest {

  private static StatusConfiguration parse(String status) throws Exception {
    return ConfigParsing.parse("status:\n" + status);
  }

  @Test
  void leftOutItIsTheCoresDefaults() throws Exception {
    assertThat(parse("  service: shop\n").getStatus().getObjectives().build())
        .isEqualTo(ObjectiveSettings.defaults());
  }

  @Test
  void everyKeyBinds() throws Exception {
    ObjectiveSettings settings = parse("""
          objectives:
            list:
              - name: checkout
                route: /checkout
                availability: 99.9
                latency: {threshold: 300ms, percent: 99}
              - name: shop
                group: Shop
                service: shop
                availability: 99.5
                window: 7d
              - name: everything
                service: shop
                availability: 99
            pairs:
              - {factor: 10, longWindow: 2h, shortWindow: 10m, action: incident}
              - {factor: 2, longWindow: 1d, shortWindow: 1h}
            clearBelow: 0.8
            currentBurn: 30m
        """).getStatus().getObjectives().build();

    Objective checkout = settings.objectives().get(0);
    assertThat(checkout.scope()).isEqualTo(new ObjectiveScope(ScopeKind.ROUTE, null, "/checkout"));
    assertThat(checkout.availability()).isEqualByComparingTo("99.9");
    assertThat(checkout.latency().threshold()).isEqualTo(Duration.ofMillis(300));
    assertThat(checkout.latency().percent()).isEqualByComparingTo("99");
    assertThat(checkout.window()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.objectives().get(1).scope()).isEqualTo(new ObjectiveScope(ScopeKind.GROUP, "shop", "Shop"));
    assertThat(settings.objectives().get(1).window()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.objectives().get(2).scope()).isEqualTo(new ObjectiveScope(ScopeKind.SERVICE, "shop", null));
    assertThat(settings.pairs()).containsExactly(
        new BurnPair(new BigDecimal("10"), Duration.ofHours(2), Duration.ofMinutes(10), AlertAction.INCIDENT),
        new BurnPair(new BigDecimal("2"), Duration.ofDays(1), Duration.ofHours(1), AlertAction.NOTIFY));
    assertThat(settings.clearBelow()).isEqualByComparingTo("0.8");
    assertThat(settings.currentBurn()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void badValuesFailStartUpNamingTheKey() {
    Map<String, String> refusals = Map.of(
        "  objectives:\n    list:\n      - {name: a, route: /a, availability: 100}\n",
        "status.objectives.list[0] 'a': availability must be a percentage above 0 and below 100, got 100",
        "  objectives:\n    list:\n      - {name: a, route: /a, availability: 99, window: 36h}\n",
        "status.objectives.list[0] 'a': window must be whole days from 1d to 400d, got 36h",
        "  objectives:\n    list:\n      - {name: a, route: /a, group: G, availability: 99}\n",
        "status.objectives.list[0] 'a': give a route or a group, not both",
        "  objectives:\n    list:\n      - {name: a, availability: 99}\n",
        "status.objectives.list[0] 'a': a service objective needs the service's name",
        "  objectives:\n    list:\n      - {name: a, service: s, availability: 99}\n      - {name: a, service: s, availability: 98}\n",
        "status.objectives.list two objectives are named a",
        "  objectives:\n    pairs:\n      - {factor: 2, longWindow: 5m, shortWindow: 1h}\n",
        "status.objectives.pairs[0].longWindow must be whole minutes, longer than shortWindow, got 5m",
        "  objectives:\n    clearBelow: 1.5\n",
        "status.objectives.clearBelow must be above 0 and at most 1, got 1.5");
    refusals.forEach((yaml, message) ->
        assertThatThrownBy(() -> parse(yaml)).as(yaml)
            .isInstanceOf(ConfigurationValidationException.class)
            .hasMessageContaining(message));
  }

  @Test
  void theShippedPairsAreTheDefaults() throws Exception {
    ObjectiveSettings shipped = ConfigParsing.parseFile(java.nio.file.Path.of("..", "config.yml"))
        .getStatus().getObjectives().build();

    assertThat(shipped.pairs()).isEqualTo(BurnPair.defaults());
    assertThat(shipped.objectives()).isEqualTo(List.of());
  }
}
