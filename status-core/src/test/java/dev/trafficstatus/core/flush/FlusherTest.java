package dev.trafficstatus.core.flush;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import dev.trafficstatus.spi.store.MinuteBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class FlusherTest {

  private static final RouteKey ITEMS = new RouteKey("svc", "/items/{id}");
  private static final RouteKey ORDERS = new RouteKey("svc", "/orders");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final RouteRegistry registry =
      new RouteRegistry(Classifier.defaults(), clock, key -> true);

  private Flusher flusher(int maxPending) {
    return new Flusher(
        registry,
        new MinuteHarvester(registry, clock, "i-1"),
        store,
        clock,
        new FlushSettings(Duration.ofMinutes(1), maxPending, 2));
  }

  private RouteRecorder route(RouteKey key) {
    return registry.route(new RouteDescriptor(key, key.rule(), "", "Things"));
  }

  @Test
  void closedMinutesReachTheStoreWithExactCounts() {
    Flusher flusher = flusher(100);
    RouteRecorder items = route(ITEMS);
    for (int i = 0; i < 1_000; i++) {
      items.record(i % 10 == 0 ? 500 : 200, 1_000_000);
    }
    clock.advance(Duration.ofMinutes(1));

    FlushReport report = flusher.flushClosed();

    assertThat(report.routesDeclared()).isEqualTo(1);
    assertThat(report.complete()).isTrue();
    assertThat(store.routes()).extracting(r -> r.key()).containsExactly(ITEMS);
    assertThat(store.total(ITEMS).total()).isEqualTo(1_000);
    assertThat(store.total(ITEMS).failure()).isEqualTo(100);
    assertThat(flusher.stats().capturedRequests()).isEqualTo(1_000);
  }

  @Test
  void harvestedMinutesReachAReaderAndAReaderThatThrowsStopsNoFlush() {
    Flusher flusher = flusher(100);
    RouteRecorder items = route(ITEMS);
    List<MinuteBucket> read = new ArrayList<>();
    flusher.whenHarvested(read::addAll);
    items.record(200, 1_000);
    items.record(500, 1_000);
    clock.advance(Duration.ofMinutes(1));

    flusher.flushClosed();

    assertThat(read).singleElement().satisfies(bucket -> {
      assertThat(bucket.route()).isEqualTo(ITEMS);
      assertThat(bucket.tally().total()).isEqualTo(2);
      assertThat(bucket.tally().failure()).isEqualTo(1);
    });

    flusher.whenHarvested(buckets -> {
      throw new IllegalStateException("a broken reporter");
    });
    items.record(200, 1_000);
    clock.advance(Duration.ofMinutes(1));

    FlushReport report = flusher.flushClosed();

    assertThat(report.complete()).isTrue();
    assertThat(store.total(ITEMS).total()).isEqualTo(3);
  }

  @Test
  void countsWaitWhileTheStoreIsDownAndArriveExactlyWhenItIsBack() {
    Flusher flusher = flusher(1_000);
    RouteRecorder items = route(ITEMS);
    RouteRecorder orders = route(ORDERS);
    store.down(true);
    for (int minute = 0; minute < 5; minute++) {
      for (int i = 0; i < 100; i++) {
        items.record(200, 1_000);
        orders.record(503, 1_000);
      }
      clock.advance(Duration.ofMinutes(1));
      FlushReport report = flusher.flushClosed();
      assertThat(report.error()).isPresent();
    }
    assertThat(flusher.stats().pendingBuckets()).isEqualTo(10);
    assertThat(flusher.stats().failedWrites()).isEqualTo(5);

    store.down(false);
    FlushReport report = flusher.flushClosed();

    assertThat(report.complete()).isTrue();
    assertThat(report.bucketsWritten()).isEqualTo(10);
    assertThat(store.total(ITEMS).success()).isEqualTo(500);
    assertThat(store.total(ORDERS).failure()).isEqualTo(500);
    assertThat(flusher.stats().lastSuccess()).isEqualTo(clock.instant());
  }

  @Test
  void beyondTheBoundTheOldestBucketsAreDroppedAndCounted() {
    Flusher flusher = flusher(3);
    RouteRecorder items = route(ITEMS);
    store.down(true);
    for (int minute = 0; minute < 5; minute++) {
      for (int i = 0; i <= minute; i++) {
        items.record(200, 1_000);
      }
      clock.advance(Duration.ofMinutes(1));
      flusher.flushClosed();
    }

    // Minutes held 1, 2, 3, 4 and 5 requests; the bound keeps the last three.
    assertThat(flusher.stats().droppedBuckets()).isEqualTo(2);
    assertThat(flusher.stats().droppedRequests()).isEqualTo(3);
    store.down(false);
    flusher.flushClosed();
    assertThat(store.total(ITEMS).total()).isEqualTo(3 + 4 + 5);
  }

  @Test
  void anOutageAndItsOverflowAreEachLoggedOncePerOutage() {
    List<LogRecord> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(Flusher.class.getName());
    log.addHandler(handler);
    try {
      Flusher flusher = flusher(2);
      RouteRecorder items = route(ITEMS);
      for (int outage = 0; outage < 2; outage++) {
        store.down(true);
        for (int minute = 0; minute < 6; minute++) {
          items.record(200, 1_000);
          clock.advance(Duration.ofMinutes(1));
          flusher.flushClosed();
        }
        store.down(false);
        flusher.flushClosed();
      }

      assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(2)
          .allSatisfy(r -> assertThat(r.getMessage()).startsWith("Could not flush to the store"));
      assertThat(logged).filteredOn(r -> r.getLevel() == Level.SEVERE).hasSize(2)
          .allSatisfy(r -> assertThat(r.getMessage()).contains("buffer"));
      assertThat(flusher.stats().droppedBuckets()).isEqualTo(8);
      assertThat(flusher.stats().pendingBuckets()).isZero();
    } finally {
      log.removeHandler(handler);
    }
  }

  @Test
  void aFlushRetriedAfterALostAcknowledgementDoesNotDoubleCount() {
    Flusher flusher = flusher(100);
    RouteRecorder items = route(ITEMS);
    for (int i = 0; i < 7; i++) {
      items.record(200, 1_000);
    }
    clock.advance(Duration.ofMinutes(1));
    flusher.flushClosed();

    // Simulate the same minute arriving again (a retry whose first write had in fact landed).
    items.record(200, 1_000);
    clock.advance(Duration.ofMinutes(1));
    flusher.flushClosed();
    flusher.flushAll();

    assertThat(store.total(ITEMS).total()).isEqualTo(8);
  }

  @Test
  void stopWritesThePartialCurrentMinute() throws Exception {
    Flusher flusher = flusher(100);
    RouteRecorder items = route(ITEMS);
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 42; i++) {
      items.record(200, 1_000);
    }

    flusher.stop();

    assertThat(store.total(ITEMS).total()).isEqualTo(42);
  }

  @Test
  void routesAreDeclaredAgainWhenTheStoreRefusedThem() {
    Flusher flusher = flusher(100);
    route(ITEMS);
    store.down(true);
    assertThat(flusher.flushClosed().routesDeclared()).isZero();

    store.down(false);

    assertThat(flusher.flushClosed().routesDeclared()).isEqualTo(1);
    assertThat(store.routes()).hasSize(1);
  }

  @Test
  void aListenerHearsOfEachDeclarationTheStoreTookAndOfNoneItRefused() {
    Flusher flusher = flusher(100);
    java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
    flusher.whenRoutesDeclared(heard::incrementAndGet);
    route(ITEMS);
    store.down(true);
    assertThat(flusher.declarePending()).isZero();
    assertThat(heard).hasValue(0);

    store.down(false);
    assertThat(flusher.declarePending()).isEqualTo(1);
    assertThat(heard).hasValue(1);

    route(ORDERS);
    assertThat(flusher.flushClosed().routesDeclared()).isEqualTo(1);
    assertThat(heard).hasValue(2);
    assertThat(flusher.flushClosed().routesDeclared()).isZero();
    assertThat(heard).as("nothing new declared").hasValue(2);
  }

  @Test
  void manyPendingBucketsAreWrittenInBatches() {
    Flusher flusher = flusher(100);
    for (int r = 0; r < 5; r++) {
      route(new RouteKey("svc", "/r" + r)).record(200, 1);
    }
    clock.advance(Duration.ofMinutes(1));

    flusher.flushClosed();

    assertThat(store.writeCalls()).isEqualTo(3);
    assertThat(store.minuteRows()).isEqualTo(5);
  }

  @Test
  void eachInstanceFlushesAtAPhaseOfItsOwnWithinTwoToTwelveSecondsOfTheBoundary() {
    java.util.Set<Duration> phases = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration phase = FlushSchedule.of("web-" + i + "-k2x9q", Duration.ofMinutes(1)).phase();
      assertThat(phase).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(12));
      phases.add(phase);
    }
    assertThat(FlushSchedule.of("web-7-k2x9q", Duration.ofMinutes(1)).phase())
        .as("the same instance always at the same phase")
        .isEqualTo(FlushSchedule.of("web-7-k2x9q", Duration.ofMinutes(1)).phase());
    assertThat(phases).as("200 instances spread, not in lock step").hasSizeGreaterThan(150);
    assertThat(FlushSchedule.of("web-1", Duration.ofSeconds(1)).phase())
        .as("a short interval keeps its phase inside it")
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void whatIsCountedNowIsWrittenByTheFirstFlushAfterItsMinuteCloses() {
    Flusher flusher = flusher(100);
    Duration phase = flusher.phase();
    Instant now = Instant.parse("2026-11-26T09:46:20Z");

    assertThat(flusher.writtenBy(now)).isEqualTo(Instant.parse("2026-11-26T09:47:00Z").plus(phase));
    // Right after this minute's flush, the next minute still waits for the next one.
    assertThat(flusher.writtenBy(Instant.parse("2026-11-26T09:47:00Z").plus(phase).plusMillis(1)))
        .isEqualTo(Instant.parse("2026-11-26T09:48:00Z").plus(phase));

    Flusher every20s = new Flusher(registry, new MinuteHarvester(registry, clock, "i-1"), store, clock,
        new FlushSettings(Duration.ofSeconds(20), 100, 2));
    Instant written = every20s.writtenBy(now);
    assertThat(written).isAfterOrEqualTo(Instant.parse("2026-11-26T09:47:00Z"))
        .isBefore(Instant.parse("2026-11-26T09:47:20Z"));
    assertThat(written.minus(every20s.phase()).toEpochMilli() % 20_000).isZero();
  }
}
