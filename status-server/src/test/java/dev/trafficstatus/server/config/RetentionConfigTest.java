package dev.trafficstatus.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.maintain.MaintenanceSettings;
import dev.trafficstatus.server.testing.ConfigParsing;
import io.dropwizard.configuration.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** status.retention: how long closed notices and outbox events are kept, with the core's bounds. */
class RetentionConfigTest {

  @Test
  void closedNoticesAreKept400DaysAndOutboxEvents30ByDefault() throws Exception {
    MaintenanceSettings settings =
        ConfigParsing.parse("status: {}\n").getStatus().getRetention().build();

    assertThat(settings.incidents()).isEqualTo(Duration.ofDays(400));
    assertThat(settings.notifications()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void configuredRetentionsAreTaken() throws Exception {
    MaintenanceSettings settings =
        ConfigParsing.parse("status:\n  retention:\n    incidents: 90d\n    notifications: 7d\n")
            .getStatus()
            .getRetention()
            .build();

    assertThat(settings.incidents()).isEqualTo(Duration.ofDays(90));
    assertThat(settings.notifications()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void retentionsTooShortFailStartUpNamingTheKey() {
    assertThatThrownBy(() -> ConfigParsing.parse("status:\n  retention:\n    incidents: 7d\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.retention.incidents must be at least 14d")
        .hasMessageContaining("got 7d");
    assertThatThrownBy(() -> ConfigParsing.parse("status:\n  retention:\n    notifications: 12h\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.retention.notifications must be at least 1d");
  }
}
