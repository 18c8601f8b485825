package dev.trafficstatus.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.evaluate.IncidentSettings;
import dev.trafficstatus.core.evaluate.MaintenanceWindowSettings;
import dev.trafficstatus.core.evaluate.OpenOn;
import dev.trafficstatus.core.evaluate.RecurringWindow;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.spi.RouteKey;
import io.dropwizard.configuration.ConfigurationValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status.incidents.auto and status.maintenance as config.yml gives them, judged by the core. */
class IncidentsAndMaintenanceConfigTest {

  private static StatusConfiguration parse(String status) throws Exception {
    return ConfigParsing.parse("status:\n" + status);
  }

  @Test
  void leftOutTheyAreTheCoresDefaults() throws Exception {
    StatusFactory status = parse("  service: shop\n").getStatus();

    assertThat(status.getIncidents().getAuto().build()).isEqualTo(IncidentSettings.defaults());
    assertThat(status.getMaintenance().build("shop")).isEqualTo(MaintenanceWindowSettings.defaults());
  }

  @Test
  void everyKeyBinds() throws Exception {
    StatusFactory status = parse("""
          incidents:
            auto:
              enabled: false
              window: 10m
              openOn: major_outage
              groups: {Probes: never, Jobs: degraded}
              groupWithin: 0s
              resolveAfter: 1h
          maintenance:
            maxDuration: 4h
            excludeFromUptime: false
            windows:
              - name: Database upgrade
                rule: every Sunday 02:00-03:00 UTC
                routes: ["/checkout", "/items/{id}"]
                body: Payments may fail.
              - name: Everything
                rule: MON-FRI 23:30-00:30
        """).getStatus();

    IncidentSettings incidents = status.getIncidents().getAuto().build();
    assertThat(incidents.enabled()).isFalse();
    assertThat(incidents.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(incidents.openOn()).isEqualTo(OpenOn.MAJOR_OUTAGE);
    assertThat(incidents.groups()).isEqualTo(Map.of("Probes", OpenOn.NEVER, "Jobs", OpenOn.DEGRADED));
    assertThat(incidents.groupWithin()).isZero();
    assertThat(incidents.resolveAfter()).isEqualTo(Duration.ofHours(1));
    MaintenanceWindowSettings maintenance = status.getMaintenance().build("shop");
    assertThat(maintenance.maxDuration()).isEqualTo(Duration.ofHours(4));
    assertThat(maintenance.excludeFromUptime()).isFalse();
    RecurringWindow upgrade = maintenance.windows().get(0);
    assertThat(upgrade.routes())
        .containsExactly(new RouteKey("shop", "/checkout"), new RouteKey("shop", "/items/{id}"));
    assertThat(upgrade.rule().days()).containsExactly(DayOfWeek.SUNDAY);
    assertThat(upgrade.rule().start()).isEqualTo(LocalTime.of(2, 0));
    assertThat(upgrade.body()).isEqualTo("Payments may fail.");
    assertThat(maintenance.windows().get(1).routes()).isEmpty();
    assertThat(maintenance.windows().get(1).rule().length()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void badValuesFailStartUpNamingTheKey() {
    Map<String, String> refusals = Map.of(
        "  incidents:\n    auto:\n      window: 0s\n",
        "status.incidents.auto.window must be between 1m and 1d, got 0ms",
        "  incidents:\n    auto:\n      resolveAfter: 2d\n",
        "status.incidents.auto.resolveAfter must be between 1m and 1d, got 2d",
        "  maintenance:\n    maxDuration: 60d\n",
        "status.maintenance.maxDuration must be between 1m and 31d, got 60d",
        "  maintenance:\n    maxDuration: 1h\n    windows:\n      - {name: Long, rule: SUN 02:00-04:00}\n",
        "status.maintenance.windows 'Long' lasts 2h, longer than maxDuration (1h)",
        "  maintenance:\n    windows:\n      - {name: Odd, rule: SUN 02:00-02:00}\n",
        "status.maintenance.windows[0] 'Odd': must be like 'SUN 02:00-03:00'",
        "  maintenance:\n    windows:\n      - {name: Zoned, rule: 'SUN 02:00-03:00 CET'}\n",
        "times in UTC",
        "  maintenance:\n    windows:\n      - {rule: SUN 02:00-03:00}\n",
        "status.maintenance.windows[0].name must not be null");
    refusals.forEach((yaml, message) ->
        assertThatThrownBy(() -> parse(yaml)).as(yaml)
            .isInstanceOf(ConfigurationValidationException.class)
            .hasMessageContaining(message));
  }

  @Test
  void anUnknownThresholdIsRefused() {
    assertThatThrownBy(() -> parse("  incidents:\n    auto:\n      openOn: sometimes\n"))
        .hasMessageContaining("openOn");
  }
}
