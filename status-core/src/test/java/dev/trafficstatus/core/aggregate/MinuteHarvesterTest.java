package dev.trafficstatus.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MinuteHarvesterTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final RouteRegistry registry =
      new RouteRegistry(Classifier.defaults(), clock, key -> true, 4);
  private final MinuteHarvester harvester = new MinuteHarvester(registry, clock, "i-1");

  private RouteRecorder route(String rule) {
    return registry.route(new RouteDescriptor(new RouteKey("svc", rule), rule, "", "G"));
  }

  @Test
  void theOpenMinuteIsNotHarvestedUntilItCloses() {
    RouteRecorder r = route("/a");
    r.record(200, 1_000);

    assertThat(harvester.harvestClosed()).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(harvester.harvestClosed()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(harvester.harvestClosed()).hasSize(1);
  }

  @Test
  void aMinuteUnchangedSinceItsHarvestIsNotEmittedAgain() {
    route("/a").record(200, 1_000);
    clock.advance(Duration.ofMinutes(1));

    assertThat(harvester.harvestClosed()).hasSize(1);
    assertThat(harvester.harvestClosed()).isEmpty();
  }

  @Test
  void aStragglerCountedAfterTheHarvestIsEmittedWithTheCumulativeTally() {
    RouteRecorder r = route("/a");
    r.record(200, 1_000);
    MinuteCounter counter = counterOf(r);
    clock.advance(Duration.ofMinutes(1));
    assertThat(harvester.harvestClosed()).singleElement().extracting(b -> b.tally().total()).isEqualTo(1L);

    counter.add(0, 1, 5_000);

    List<MinuteBucket> again = harvester.harvestClosed();
    assertThat(again).singleElement().satisfies(b -> {
      assertThat(b.minute()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
      assertThat(b.tally().total()).isEqualTo(2);
      assertThat(b.tally().failure()).isEqualTo(1);
    });
  }

  @Test
  void flushingTheOpenMinuteEarlyThenCountingMoreSumsBothParts() {
    RouteRecorder r = route("/a");
    r.record(200, 1_000);
    assertThat(harvester.harvestAll()).singleElement().extracting(b -> b.tally().total()).isEqualTo(1L);

    r.record(200, 1_000);
    r.record(500, 1_000);
    clock.advance(Duration.ofMinutes(1));

    assertThat(harvester.harvestClosed()).singleElement().satisfies(b -> {
      assertThat(b.tally().total()).isEqualTo(3);
      assertThat(b.tally().failure()).isEqualTo(1);
    });
    assertThat(harvester.harvestedRequests()).isEqualTo(3);
  }

  @Test
  void aMinuteLeftUnharvestedForLongerThanTheRingIsHandedOverNotLost() {
    RouteRecorder r = route("/a");
    r.record(200, 1_000);
    clock.advance(Duration.ofMinutes(4));
    r.record(200, 1_000);
    clock.advance(Duration.ofMinutes(1));

    List<MinuteBucket> buckets = harvester.harvestClosed();

    assertThat(buckets).extracting(MinuteBucket::minute)
        .containsExactlyInAnyOrder(
            Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:04:00Z"));
  }

  @Test
  void millionsOfConcurrentRequestsAcrossMinuteBoundariesAreCountedExactly() throws Exception {
    int threads = 8;
    int perThread = 125_000;
    List<RouteRecorder> routes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      routes.add(route("/r" + i));
    }
    Map<MinuteBucketKey, Tally> stored = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      writers.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          RouteRecorder r = routes.get((i * 31 + seed) % routes.size());
          r.record(i % 100 == 0 ? 500 : 200, 1_000L * (i % 300));
        }
        return null;
      }));
    }
    go.countDown();
    // Cross several minute boundaries while the writers run, harvesting as the flusher would.
    while (writers.stream().anyMatch(f -> !f.isDone())) {
      clock.advance(Duration.ofSeconds(20));
      harvester.harvestClosed().forEach(b -> stored.put(new MinuteBucketKey(b), b.tally()));
      Thread.onSpinWait();
    }
    for (Future<?> f : writers) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();
    harvester.harvestAll().forEach(b -> stored.put(new MinuteBucketKey(b), b.tally()));

    long total = stored.values().stream().mapToLong(Tally::total).sum();
    long failures = stored.values().stream().mapToLong(Tally::failure).sum();
    assertThat(total).isEqualTo((long) threads * perThread);
    assertThat(failures).isEqualTo((long) threads * (perThread / 100));
    assertThat(stored.keySet().stream().map(MinuteBucketKey::minute).distinct().count())
        .isGreaterThan(1);
  }

  @Test
  void aStragglerArrivingAfterTheMinuteWasLetGoIsStillStored() {
    RouteRecorder r = route("/a");
    r.record(200, 1_000);
    MinuteCounter counter = counterOf(r);
    clock.advance(Duration.ofMinutes(1));
    harvester.harvestClosed();
    clock.advance(Duration.ofMinutes(5));
    harvester.harvestClosed();
    assertThat(counter.retired).isTrue();

    // What RouteCounters does for a writer that read the clock long ago and adds only now.
    counter.add(0, 0, 1_000);
    registry.orphaned(counter);

    assertThat(harvester.harvestClosed()).singleElement().satisfies(b -> {
      assertThat(b.minute()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
      assertThat(b.tally().total()).isEqualTo(2);
    });
  }

  private record MinuteBucketKey(RouteKey route, Instant minute) {
    MinuteBucketKey(MinuteBucket b) {
      this(b.route(), b.minute());
    }
  }

  private MinuteCounter counterOf(RouteRecorder recorder) {
    List<MinuteCounter> found = new ArrayList<>();
    ((RouteCounters) recorder).detachBefore(Long.MAX_VALUE, found::add);
    // Put it back where the harvester will find it, as a displaced counter.
    found.forEach(registry::orphaned);
    return found.get(0);
  }
}
