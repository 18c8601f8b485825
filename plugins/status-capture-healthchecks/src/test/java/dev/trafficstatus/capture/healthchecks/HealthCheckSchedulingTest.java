package dev.trafficstatus.capture.healthchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheckRegistry;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, skipped rounds, the schedule itself, and how the capture ends. */
class HealthCheckSchedulingTest {

  /** A liveness bound on waiting for verdicts, generous for a busy machine. */
  private static final Duration SETTLE = Duration.ofSeconds(20);

  private final HealthCheckRegistry registry = new HealthCheckRegistry();
  private final RecordingRecorder recorder = new RecordingRecorder();
  private final Checks.Hanging stuck = new Checks.Hanging(false);
  private final Checks.Hanging interruptible = new Checks.Hanging(true);
  private HealthCheckCapture capture;

  @AfterEach
  void stop() throws Exception {
    stuck.release();
    interruptible.release();
    if (capture != null) {
      capture.stop();
    }
  }

  private HealthCheckCapture build(Consumer<HealthCheckCaptureFactory> settings) {
    HealthCheckCaptureFactory factory = new HealthCheckCaptureFactory();
    settings.accept(factory);
    capture = (HealthCheckCapture) factory.build(new TestCaptureContext("shop", recorder, registry));
    return capture;
  }

  private static List<Thread> captureThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("trafficstatus-healthchecks"))
        .filter(Thread::isAlive)
        .toList();
  }

  /**
   * The capture's threads still alive once each had a bounded while to finish dying: a pool
   * reports itself terminated just before its last thread has quite ended.
   */
  private static List<Thread> captureThreadsLeft() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    for (Thread thread : captureThreads()) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    return captureThreads();
  }

  @Test
  void startDeclaresTheChecksAlreadyRegisteredSoThePageListsThemFromTheStart() {
    registry.register("db", Checks.healthy());
    registry.register("trafficstatus-store", Checks.healthy());
    build(settings -> settings.setInterval(io.dropwizard.util.Duration.parse("1h")));

    capture.start();

    assertThat(recorder.declared()).containsOnlyKeys("healthcheck:db");
    assertThat(recorder.tally("healthcheck:db").verdicts()).as("no round has run").isZero();
  }

  @Test
  void aCheckStuckPastItsTimeoutFailsEachRoundWithoutHoldingUpTheOthers() throws Exception {
    registry.register("stuck", stuck);
    registry.register("ok", Checks.healthy());
    build(
        factory -> {
          factory.setInterval(io.dropwizard.util.Duration.parse("1d"));
          factory.setTimeout(io.dropwizard.util.Duration.parse("200ms"));
        });

    capture.runRound();
    assertThat(
            recorder.await(
                r -> r.tally("healthcheck:stuck").failures() == 1
                    && r.tally("healthcheck:ok").successes() == 1,
                SETTLE))
        .as("so far %s", recorder.tallies())
        .isTrue();
    assertThat(recorder.tally("healthcheck:stuck").shortestNanos())
        .as("failed when its timeout ended, not before")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));

    // Still stuck at the next round: not run twice, but a failure again, and "ok" runs as ever.
    capture.runRound();
    assertThat(
            recorder.await(
                r -> r.tally("healthcheck:stuck").failures() == 2
                    && r.tally("healthcheck:ok").successes() == 2,
                SETTLE))
        .as("so far %s", recorder.tallies())
        .isTrue();

    assertThat(capture.skippedRounds()).isEqualTo(1);
    assertThat(recorder.tally("healthcheck:stuck").successes()).isZero();
    assertThat(recorder.failures()).isEmpty();
  }

  @Test
  void aCheckPastItsTimeoutIsInterruptedSoItsThreadRunsTheNextCheck() throws Exception {
    // One thread: "ok" can only run once the hanging check ahead of it gives its thread back.
    registry.register("hanging", interruptible);
    registry.register("ok", Checks.healthy());
    build(
        factory -> {
          factory.setInterval(io.dropwizard.util.Duration.parse("1d"));
          factory.setTimeout(io.dropwizard.util.Duration.parse("200ms"));
          factory.setMaxConcurrency(1);
        });

    capture.runRound();
    assertThat(
            recorder.await(
                r -> r.tally("healthcheck:hanging").failures() == 1
                    && r.tally("healthcheck:ok").successes() == 1,
                SETTLE))
        .as("so far %s", recorder.tallies())
        .isTrue();

    capture.runRound();
    assertThat(
            recorder.await(
                r -> r.tally("healthcheck:hanging").failures() == 2
                    && r.tally("healthcheck:ok").successes() == 2,
                SETTLE))
        .as("so far %s", recorder.tallies())
        .isTrue();
    assertThat(capture.skippedRounds()).as("it had ended, so it ran again").isZero();
  }

  @Test
  void theScheduleRunsRoundsByItself() throws Exception {
    registry.register("ok", Checks.healthy());
    build(
        factory -> {
          factory.setInterval(io.dropwizard.util.Duration.parse("100ms"));
          factory.setTimeout(io.dropwizard.util.Duration.parse("100ms"));
        });

    capture.start();

    assertThat(recorder.await(r -> r.tally("healthcheck:ok").successes() >= 3, SETTLE))
        .as("three rounds within %s", SETTLE)
        .isTrue();
  }

  @Test
  void stopInterruptsTheChecksStillRunningRecordsNothingForThemAndEndsItsThreads()
      throws Exception {
    registry.register("hanging", interruptible);
    build(factory -> factory.setInterval(io.dropwizard.util.Duration.parse("1d")));
    capture.start();
    capture.runRound();
    assertThat(interruptible.awaitEntered()).as("the check is running").isTrue();
    assertThat(captureThreads()).isNotEmpty();

    capture.stop();

    assertThat(captureThreadsLeft()).isEmpty();
    assertThat(recorder.tally("healthcheck:hanging").verdicts())
        .as("a check we stopped says nothing about what it checks")
        .isZero();
  }

  @Test
  void stoppingACaptureThatNeverStartedIsHarmlessAndItCannotStartAfterwards() throws Exception {
    registry.register("ok", Checks.healthy());
    HealthCheckCapture neverStarted = build(factory -> {});

    neverStarted.stop();

    assertThat(captureThreadsLeft()).isEmpty();
    assertThatThrownBy(neverStarted::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("starts once");
    neverStarted.runRound();
    assertThat(recorder.declarations()).as("no round after stop").isEmpty();
  }

  @Test
  void itStartsOnce() {
    build(factory -> {});
    capture.start();

    assertThatThrownBy(capture::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("starts once");
  }
}
