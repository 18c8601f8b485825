package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refresher thread against a store that does not answer: no request waits for it, one read
 * runs at a time however many requests find the figures due, and an edit is never lost to a read
 * that started before it. Waits are liveness bounds (tens of seconds), never speed verdicts.
 */
class StatusServiceRefresherTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final RouteKey HOME = new RouteKey("shop", "/");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:30:00Z");
  private final GatedStore store = new GatedStore();
  private final StatusService service =
      new StatusService(store, PageSettings.defaults("Shop"), HealthPolicy.defaults(), clock);
  private final ExecutorService requests = Executors.newFixedThreadPool(16);

  @AfterEach
  void stop() throws InterruptedException {
    store.open();
    service.stop();
    requests.shutdownNow();
  }

  private void declareAndWrite(int success) {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    store.writeMinutes(List.of(new MinuteBucket(HOME, clock.instant().truncatedTo(ChronoUnit.MINUTES),
        "i-1", PageBuilderTest.tally(success, 0, 0))));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + LIMIT + ": " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Takes {@code count} snapshots from 16 threads; each must come back within the limit. */
  private List<PageSnapshot> manyRequests(int count) throws Exception {
    List<Future<PageSnapshot>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(requests.submit(service::snapshot));
    }
    List<PageSnapshot> answered = new ArrayList<>();
    for (Future<PageSnapshot> request : pending) {
      answered.add(request.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS));
    }
    return answered;
  }

  private static Thread refresher() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(StatusService.THREAD_NAME))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no thread " + StatusService.THREAD_NAME));
  }

  @Test
  void requestsAreAnsweredAtOnceWhileTheFirstReadHangs() throws Exception {
    declareAndWrite(5);
    store.close();
    service.start();
    assertThat(store.awaitWaitingRead(LIMIT)).as("the read at start").isTrue();
    assertThat(refresher().isDaemon()).isTrue();

    List<PageSnapshot> answered = manyRequests(1_000);

    assertThat(answered).allSatisfy(snapshot -> assertThat(snapshot.available()).isFalse());
    assertThat(store.dayReadsStarted()).as("one read, however many requests").isEqualTo(1);

    store.open();
    await("the figures read once the store answers", () -> service.snapshot().available());
    assertThat(service.page(30).groups().get(0).routes().get(0).requests()).isEqualTo(5);
    assertThat(store.dayReadsStarted()).isEqualTo(1);
  }

  @Test
  void whileARefreshHangsRequestsGetTheFiguresTheyHadThenMarkedStale() throws Exception {
    declareAndWrite(5);
    service.start();
    await("the read at start", () -> service.snapshot().available());
    PageSnapshot before = service.snapshot();
    store.close();
    clock.advance(Duration.ofMinutes(1));

    List<PageSnapshot> answered = manyRequests(1_000);

    assertThat(store.awaitWaitingRead(LIMIT)).as("a refresh started").isTrue();
    assertThat(answered).allSatisfy(snapshot -> {
      assertThat(snapshot.generation()).isEqualTo(before.generation());
      assertThat(snapshot.stale()).isFalse();
    });
    assertThat(manyRequests(1_000)).allSatisfy(snapshot ->
        assertThat(snapshot.generation()).isEqualTo(before.generation()));
    assertThat(store.dayReadsStarted()).as("single-flight").isEqualTo(2);

    clock.advance(Duration.ofMinutes(1));
    PageSnapshot overdue = service.snapshot();
    assertThat(overdue.stale()).as("a refresh running for a whole interval").isTrue();
    assertThat(overdue.page(30).stale()).isTrue();
    assertThat(overdue.page(30).generatedAt()).isEqualTo(before.readAt().orElseThrow());

    store.open();
    await("new figures once the store answers",
        () -> service.snapshot().generation() > before.generation());
    assertThat(store.dayReadsStarted()).isLessThanOrEqualTo(3);
  }

  @Test
  void aRefreshThatStartedBeforeAnEditNeverReplacesWhatTheEditInstalled() throws Exception {
    declareAndWrite(5);
    service.refresh();
    clock.advance(Duration.ofMinutes(1));
    store.holdNextRead();
    Thread refresh = new Thread(service::refresh, "blocked-refresh");
    refresh.start();
    assertThat(store.awaitWaitingRead(LIMIT)).as("the refresh waits inside its read").isTrue();

    store.editRoute(HOME, new RouteEdit("Start page", null));
    service.invalidate();
    assertThat(service.page(30).groups().get(0).routes().get(0).name()).isEqualTo("Start page");
    store.open();
    refresh.join(LIMIT.toMillis());
    assertThat(refresh.isAlive()).isFalse();

    assertThat(service.page(30).groups().get(0).routes().get(0).name())
        .as("the older refresh finished after the edit and was dropped")
        .isEqualTo("Start page");
    assertThat(store.dayReadsStarted()).isEqualTo(3);
  }

  @Test
  void stopEndsTheRefresherEvenWhileAReadHangs() throws Exception {
    store.close();
    service.start();
    assertThat(store.awaitWaitingRead(LIMIT)).isTrue();
    Thread thread = refresher();

    service.stop();

    thread.join(LIMIT.toMillis());
    assertThat(thread.isAlive()).isFalse();
  }
}
