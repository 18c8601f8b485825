package dev.trafficstatus.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import dev.trafficstatus.spi.store.MinuteBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteRegistryTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:05Z");
  private final RouteRegistry registry =
      new RouteRegistry(
          Classifier.defaults(), clock, key -> !key.rule().startsWith("/status"));
  private final MinuteHarvester harvester = new MinuteHarvester(registry, clock, "i-1");

  private static RouteDescriptor route(String rule) {
    return new RouteDescriptor(new RouteKey("svc", rule), rule, "", "Things");
  }

  @Test
  void declaringARouteTwiceReturnsTheSameRecorderAndQueuesItOnce() {
    RouteRecorder first = registry.route(route("/items/{id}"));
    RouteRecorder second = registry.route(route("/items/{id}"));

    assertThat(second).isSameAs(first);
    assertThat(registry.takeUndeclared()).containsExactly(route("/items/{id}"));
    assertThat(registry.takeUndeclared()).isEmpty();
  }

  @Test
  void routesTheHostDoesNotCaptureAreNeitherCountedNorDeclared() {
    RouteRecorder page = registry.route(route("/status"));
    page.record(200, 1_000);
    clock.advance(Duration.ofMinutes(1));

    assertThat(page).isSameAs(RouteRegistry.IGNORED);
    assertThat(registry.takeUndeclared()).isEmpty();
    assertThat(harvester.harvestClosed()).isEmpty();
  }

  @Test
  void requestsAreCountedPerOutcomeInTheirMinute() {
    RouteRecorder items = registry.route(route("/items"));
    items.record(200, 2_000_000);
    items.record(302, 1_000_000);
    items.record(404, 500_000);
    items.record(503, 9_000_000);
    items.record(401, 100_000);
    items.recordFailure(30_000_000_000L);
    items.recordSuccess(3_000_000);
    clock.advance(Duration.ofMinutes(1));

    List<MinuteBucket> buckets = harvester.harvestClosed();

    assertThat(buckets).hasSize(1);
    MinuteBucket bucket = buckets.get(0);
    assertThat(bucket.minute()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(bucket.instance()).isEqualTo("i-1");
    assertThat(bucket.tally().total()).isEqualTo(7);
    assertThat(bucket.tally().success()).isEqualTo(3);
    assertThat(bucket.tally().failure()).isEqualTo(3);
    assertThat(bucket.tally().ignored()).isEqualTo(1);
    assertThat(bucket.tally().maxLatency()).isEqualTo(Duration.ofSeconds(30));
    // The median of 0.1, 0.5, 1, 2, 3, 9 and 30,000 ms, within the histogram's 6.25 %.
    assertThat(bucket.tally().latency().percentile(50).orElseThrow().toNanos())
        .isBetween(1_875_000L, 2_125_000L);
  }

  @Test
  void unmatchedRequestsAndCaptureFailuresAreOnlyCounted() {
    registry.unmatched();
    registry.unmatched();
    registry.failed(new IllegalStateException("bug in a capture"));

    assertThat(registry.unmatchedCount()).isEqualTo(2);
    assertThat(registry.failureCount()).isEqualTo(1);
    assertThat(registry.size()).isZero();
  }

  @Test
  void aClockThatThrowsIsCountedNotThrownIntoTheRequest() {
    RouteRegistry broken =
        new RouteRegistry(
            Classifier.defaults(),
            new Clock() {
              @Override
              public long millis() {
                throw new IllegalStateException("clock broke");
              }

              @Override
              public Instant instant() {
                return Instant.ofEpochMilli(millis());
              }

              @Override
              public ZoneId getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(ZoneId zone) {
                return this;
              }
            },
            key -> true);
    RouteRecorder recorder = broken.route(route("/x"));

    recorder.record(200, 1);
    recorder.recordFailure(1);
    recorder.recordSuccess(1);

    assertThat(broken.failureCount()).isEqualTo(3);
  }
}
