package dev.trafficstatus.capture.healthchecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheckRegistry;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.RecordingRecorder.Tally;
import dev.trafficstatus.testkit.TestCaptureContext;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one round records, driven directly ({@code runRound()}), against a real {@link
 * HealthCheckRegistry}: no schedule, no server.
 */
class HealthCheckRoundsTest {

  private static final Duration SETTLE = Duration.ofSeconds(20);

  private final HealthCheckRegistry registry = new HealthCheckRegistry();
  private RecordingRecorder recorder = new RecordingRecorder();
  private HealthCheckCapture capture;

  @AfterEach
  void stop() throws Exception {
    if (capture != null) {
      capture.stop();
    }
  }

  private HealthCheckCapture build(Consumer<HealthCheckCaptureFactory> settings, Object host) {
    HealthCheckCaptureFactory factory = new HealthCheckCaptureFactory();
    factory.setInterval(io.dropwizard.util.Duration.parse("1d"));
    settings.accept(factory);
    capture =
        (HealthCheckCapture) factory.build(new TestCaptureContext("shop", recorder, host));
    return capture;
  }

  private HealthCheckCapture build() {
    return build(factory -> {}, registry);
  }

  /** Runs one round and waits until it has recorded at least this many events in all. */
  private void round(long events) throws InterruptedException {
    capture.runRound();
    assertThat(recorder.awaitEvents(events, SETTLE))
        .as("%d events; so far %s", events, recorder.tallies())
        .isTrue();
  }

  @Test
  void aHealthyCheckIsASuccessAnUnhealthyOrThrowingOneAFailure() throws Exception {
    registry.register("db", Checks.healthy());
    registry.register("cache", Checks.unhealthy("cache is cold"));
    registry.register("queue", Checks.throwing("queue is gone"));
    build();

    round(3);

    assertVerdicts("healthcheck:db", 1, 0);
    assertVerdicts("healthcheck:cache", 0, 1);
    assertVerdicts("healthcheck:queue", 0, 1);
    assertThat(recorder.failures()).isEmpty();
    assertThat(recorder.unmatchedCount()).isZero();
  }

  @Test
  void aResultIsRecordedWithTheChecksRunTime() throws Exception {
    registry.register("slow", Checks.taking(50));
    build();

    round(1);

    assertThat(recorder.tally("healthcheck:slow").shortestNanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void eachCheckIsARouteOfItsOwnDeclaredOnceWhenFirstSeen() throws Exception {
    registry.register("db", Checks.healthy());
    registry.register("payments api", Checks.unhealthy("down"));
    build();
    assertThat(recorder.declarations()).as("nothing declared before the first round").isEmpty();

    round(2);
    round(4);

    assertThat(recorder.declarations())
        .isEqualTo(Map.of("healthcheck:db", 1, "healthcheck:payments api", 1));
    assertThat(recorder.declared().get("healthcheck:payments api"))
        .isEqualTo(
            new RouteDescriptor(
                new RouteKey("shop", "healthcheck:payments api"),
                "payments api",
                "",
                "Health checks"));
    assertThat(recorder.tally("healthcheck:db").successes()).isEqualTo(2);
  }

  @Test
  void theBundlesOwnChecksAreLeftOutButDropwizardsDeadlocksCheckRuns() throws Exception {
    Environment environment = new Environment("shop");
    environment.healthChecks().register("trafficstatus-store", Checks.healthy());
    environment.healthChecks().register("trafficstatus-flush", Checks.healthy());
    build(factory -> {}, environment);
    assertThat(environment.healthChecks().getNames()).contains("deadlocks");

    round(1);

    assertThat(recorder.declared()).containsOnlyKeys("healthcheck:deadlocks");
    assertVerdicts("healthcheck:deadlocks", 1, 0);
  }

  @Test
  void includeRunsOnlyTheChecksItNamesTheBundlesOwnToo() throws Exception {
    registry.register("db", Checks.healthy());
    registry.register("cache", Checks.healthy());
    registry.register("trafficstatus-store", Checks.healthy());
    build(factory -> factory.setInclude(List.of("db", "trafficstatus-store", "not-there")), registry);

    round(2);

    assertThat(recorder.declared())
        .containsOnlyKeys("healthcheck:db", "healthcheck:trafficstatus-store");
  }

  @Test
  void excludeLeavesOutTheChecksItNamesExactly() throws Exception {
    registry.register("db", Checks.healthy());
    registry.register("cache", Checks.healthy());
    registry.register("cache-warmup", Checks.healthy());
    build(factory -> factory.setExclude(List.of("cache", "db")), registry);

    round(1);

    assertThat(recorder.declared()).containsOnlyKeys("healthcheck:cache-warmup");
  }

  @Test
  void aCheckRegisteredAfterStartIsRunFromTheNextRound() throws Exception {
    registry.register("db", Checks.healthy());
    build();
    round(1);

    registry.register("late", Checks.unhealthy("not yet"));
    round(3);

    assertVerdicts("healthcheck:db", 2, 0);
    assertVerdicts("healthcheck:late", 0, 1);
    assertThat(recorder.declarations()).containsEntry("healthcheck:late", 1);
  }

  @Test
  void aNameThePageCannotShowIsLeftOutAndTheOtherChecksRun() throws Exception {
    registry.register("db", Checks.healthy());
    registry.register("  ", Checks.healthy());
    registry.register("two\nlines", Checks.healthy());
    registry.register("x".repeat(201), Checks.healthy());
    build();

    round(1);
    round(2);

    assertThat(recorder.declared()).containsOnlyKeys("healthcheck:db");
    assertThat(recorder.failures()).isEmpty();
  }

  @Test
  void aChecksMessageIsNeverRecordedLoggedOrDescribed() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
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
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    try {
      registry.register("cache", Checks.unhealthy("password=hunter2 at 10.0.0.7"));
      registry.register("queue", Checks.throwing("password=hunter2 at 10.0.0.8"));
      // Logs a warning, which proves this test sees the capture's log.
      registry.register("bad\tname", Checks.healthy());
      build();

      round(2);

      assertThat(logged)
          .extracting(LogRecord::getMessage)
          .anySatisfy(message -> assertThat(message).contains("bad?name"))
          .noneSatisfy(message -> assertThat(message).contains("hunter2"));
      assertThat(recorder.declared().values())
          .allSatisfy(route -> assertThat(route.toString()).doesNotContain("hunter2"));
      assertThat(recorder.failures()).isEmpty();
      assertThat(capture.describe()).doesNotContain("hunter2");
    } finally {
      root.removeHandler(handler);
    }
  }

  @Test
  void aPipelineThatThrowsIsReportedAndTheRoundsGoOn() throws Exception {
    recorder = new RecordingRecorder(Set.of("healthcheck:fragile"));
    registry.register("fragile", Checks.healthy());
    registry.register("sturdy", Checks.healthy());
    build();

    round(2);
    round(4);

    assertThat(recorder.tally("healthcheck:sturdy").successes()).isEqualTo(2);
    assertThat(recorder.failures())
        .hasSize(2)
        .allSatisfy(
            error -> assertThat(error).hasMessage("a broken pipeline behind healthcheck:fragile"));
  }

  /** A check's verdicts: successes and failures, never left to the host to classify. */
  private void assertVerdicts(String rule, long successes, long failures) {
    Tally tally = recorder.tally(rule);
    assertThat(tally.successes()).as("%s successes", rule).isEqualTo(successes);
    assertThat(tally.failures()).as("%s failures", rule).isEqualTo(failures);
    assertThat(tally.classified()).as("%s classified", rule).isZero();
  }
}
