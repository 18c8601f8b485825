package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.Health;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

  private final HealthPolicy defaults = HealthPolicy.defaults();

  @Test
  void oneFailureInTenThousandIsOperational() {
    assertThat(defaults.health(9_999, 1)).isEqualTo(Health.OPERATIONAL);
  }

  @Test
  void failureRatesMapToStatesByThreshold() {
    assertThat(defaults.health(998, 2)).isEqualTo(Health.DEGRADED);
    assertThat(defaults.health(98, 2)).isEqualTo(Health.PARTIAL_OUTAGE);
    assertThat(defaults.health(80, 20)).isEqualTo(Health.MAJOR_OUTAGE);
    assertThat(defaults.health(0, 50)).isEqualTo(Health.MAJOR_OUTAGE);
    assertThat(defaults.health(100, 0)).isEqualTo(Health.OPERATIONAL);
  }

  @Test
  void tooFewRequestsGiveNoVerdict() {
    assertThat(defaults.health(1, 1)).isEqualTo(Health.NO_DATA);
    assertThat(defaults.health(0, 9)).isEqualTo(Health.NO_DATA);
    assertThat(defaults.health(0, 0)).isEqualTo(Health.NO_DATA);
    assertThat(defaults.health(0, 10)).isEqualTo(Health.MAJOR_OUTAGE);
  }

  @Test
  void uptimeIgnoresNothingButIsNullWithoutCountedRequests() {
    assertThat(HealthPolicy.uptimePercent(3, 1)).isEqualTo(75.0);
    assertThat(HealthPolicy.uptimePercent(0, 0)).isNull();
  }

  @Test
  void thresholdsOutOfOrderAreRejected() {
    assertThatThrownBy(() -> new HealthPolicy(99, 99.5, 90, 10))
        .hasMessageContaining("degradedBelow >= partialOutageBelow");
    assertThatThrownBy(() -> new HealthPolicy(99.9, 99, 90, 0))
        .hasMessageContaining("minimumRequests must be at least 1");
  }
}
