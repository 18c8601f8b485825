package dev.trafficstatus.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The retry schedule the README documents: ten attempts over about 22 hours, jittered, capped. */
class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void theDefaultsTryTenTimesOverAboutTwentyTwoHours() {
    NotificationSettings defaults = NotificationSettings.defaults();
    List<Duration> waits = new ArrayList<>();
    for (int failed = 1; failed < defaults.maxAttempts(); failed++) {
      waits.add(defaults.backoffAfter(failed));
    }

    // README.md, "Notifications": attempts at 0, 5m, 15m, 35m, 1h15m, 2h35m, 5h15m, 10h35m, 16h35m, 22h35m.
    assertThat(waits).containsExactly(
        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(40),
        Duration.ofMinutes(80), Duration.ofMinutes(160), Duration.ofMinutes(320), Duration.ofHours(6),
        Duration.ofHours(6));
    assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofHours(22).plusMinutes(35));
    RetrySchedule schedule = new RetrySchedule(defaults, RandomGenerator.of("L64X128MixRandom"));
    assertThat(schedule.nextAttempt(10, NOW, Optional.empty())).as("the tenth failure is the last").isEmpty();
    assertThat(schedule.nextAttempt(9, NOW, Optional.empty())).isPresent();
    assertThat(schedule.span()).isEqualTo(Duration.ofMinutes((22 * 60 + 35) * 12 / 10));
  }

  @Test
  void eachWaitIsJitteredWithinTwentyPercent() {
    RetrySchedule schedule =
        new RetrySchedule(NotificationSettings.defaults(), RandomGenerator.of("L64X128MixRandom"));
    List<Duration> firstWaits = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      firstWaits.add(Duration.between(NOW, schedule.nextAttempt(1, NOW, Optional.empty()).orElseThrow()));
    }

    assertThat(firstWaits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6)));
    assertThat(firstWaits.stream().distinct().count()).as("receivers that failed together spread out").isGreaterThan(100);
  }

  @Test
  void aReceiversRetryAfterIsHonouredUpToTheLongestWait() {
    RetrySchedule schedule =
        new RetrySchedule(NotificationSettings.defaults(), RandomGenerator.of("L64X128MixRandom"));

    assertThat(schedule.nextAttempt(1, NOW, Optional.of(Duration.ofHours(1))))
        .contains(NOW.plus(Duration.ofHours(1)));
    assertThat(schedule.nextAttempt(1, NOW, Optional.of(Duration.ofDays(365))))
        .contains(NOW.plus(Duration.ofHours(6)));
    assertThat(schedule.nextAttempt(1, NOW, Optional.of(Duration.ofSeconds(1))).orElseThrow())
        .as("never sooner than the backoff")
        .isAfterOrEqualTo(NOW.plus(Duration.ofMinutes(4)));
  }

  @Test
  void settingsOutsideTheirBoundsAreRefusedNamingTheKey() {
    NotificationSettings d = NotificationSettings.defaults();
    assertThatThrownBy(() -> new NotificationSettings(true, d.interval(), d.timeout(), 0, d.initialBackoff(), d.maxBackoff(), false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("maxAttempts must be between 1 and 100, got 0");
    assertThatThrownBy(() -> new NotificationSettings(true, d.interval(), Duration.ofMinutes(10), 10, d.initialBackoff(), d.maxBackoff(), false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("timeout must be between 100ms and 5m, got 10m");
    assertThatThrownBy(() -> new NotificationSettings(true, d.interval(), d.timeout(), 10, Duration.ofHours(1), Duration.ofMinutes(30), false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("maxBackoff must be between initialBackoff (1h) and 1d, got 30m");
    assertThatThrownBy(() -> new NotificationSettings(true, Duration.ZERO, d.timeout(), 10, d.initialBackoff(), d.maxBackoff(), false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("interval must be between 100ms and 5m, got 0ms");
  }
}
