package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When probes run, how many at once, and how they end. */
class ProbeSchedulingTest {

  private final StubTargets targets;
  private ProbeCapture capture;

  ProbeSchedulingTest() throws Exception {
    targets = new StubTargets(Duration.ofMillis(250));
  }

  @AfterEach
  void stop() throws Exception {
    if (capture != null) {
      capture.stop();
    }
    targets.close();
  }

  private static ProbeSettings probe(String name, String url) {
    ProbeSettings settings = new ProbeSettings();
    settings.setName(name);
    settings.setUrl(url);
    return settings;
  }

  private ProbeCapture build(ProbeCaptureFactory factory, RecordingRecorder recorder) {
    return (ProbeCapture) factory.build(new TestCaptureContext("shop", recorder));
  }

  private static List<Thread> probeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("trafficstatus-probe") && thread.isAlive())
        .toList();
  }

  @Test
  void requestsInFlightNeverExceedMaxConcurrencyAndABusyProbeSkipsItsRound() throws Exception {
    // Forty probes each holding a slot for 250ms every 2s need five slots; two are allowed, so the
    // queue grows until probes still waiting from one round skip the next. The timeout leaves
    // each answer eight times the time it takes, so even on a busy machine no attempt times out
    // and frees its slot while the target is still answering.
    ProbeCaptureFactory factory = new ProbeCaptureFactory();
    factory.setInterval("2s");
    factory.setTimeout("2s");
    factory.setMaxConcurrency(2);
    List<String> names = IntStream.rangeClosed(1, 40).mapToObj(i -> "slow-" + i).toList();
    factory.setProbes(names.stream().map(name -> probe(name, targets.url("/slow"))).toList());
    RecordingRecorder recorder = new RecordingRecorder();
    capture = build(factory, recorder);

    capture.start();
    boolean enough =
        recorder.await(
            r ->
                names.stream().mapToLong(name -> r.tally("probe:" + name).successes()).sum() >= 12
                    && capture.skippedRounds() > 0,
            Duration.ofSeconds(20));

    assertThat(enough).isTrue();
    assertThat(names).allSatisfy(name -> assertThat(recorder.tally("probe:" + name).failures()).isZero());
    assertThat(targets.mostAnsweredAtOnce()).isEqualTo(2);
    assertThat(capture.skippedRounds()).isPositive();
  }

  @Test
  void stopCallsOffTheRequestsInFlightAndEndsItsThreadsPromptly() throws Exception {
    ProbeCaptureFactory factory = new ProbeCaptureFactory();
    factory.setInterval("2s");
    factory.setTimeout("2s");
    factory.setProbes(List.of(probe("hang", targets.url("/hang"))));
    RecordingRecorder recorder = new RecordingRecorder();
    capture = build(factory, recorder);
    capture.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (targets.hits("/hang") == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(targets.hits("/hang")).as("the request reached the target").isEqualTo(1);

    capture.stop();

    // The request hangs for good: only calling it off lets the probe's threads end.
    assertThat(probeThreads()).isEmpty();
    assertThat(recorder.tally("probe:hang").verdicts())
        .as("a request we hung up on says nothing about its target")
        .isZero();
  }

  @Test
  void aPipelineThatThrowsIsReportedAndProbingGoesOn() throws Exception {
    ProbeCaptureFactory factory = new ProbeCaptureFactory();
    factory.setInterval("500ms");
    factory.setTimeout("500ms");
    factory.setProbes(List.of(probe("fragile", targets.url("/up")), probe("sturdy", targets.url("/up"))));
    RecordingRecorder recorder = new RecordingRecorder(Set.of("probe:fragile"));
    capture = build(factory, recorder);

    capture.start();
    boolean reportedAndGoingOn =
        recorder.await(
            r -> r.failures().size() >= 3 && r.tally("probe:sturdy").successes() >= 3,
            Duration.ofSeconds(10));

    assertThat(reportedAndGoingOn).isTrue();
    assertThat(recorder.failures().get(0)).hasMessageContaining("a broken pipeline behind probe:fragile");
  }

  @Test
  void aCaptureWithoutProbesRunsNoThreadsAndSaysHowToAddSome() throws Exception {
    capture = build(new ProbeCaptureFactory(), new RecordingRecorder());

    capture.start();

    assertThat(probeThreads()).isEmpty();
    assertThat(capture.describe()).isEqualTo("no probes: list them under probes or in a urlsFile");
  }

  @Test
  void stoppingACaptureThatNeverStartedIsHarmlessAndItCannotStartAfterwards() throws Exception {
    ProbeCaptureFactory factory = new ProbeCaptureFactory();
    factory.setProbes(List.of(probe("up", targets.url("/up"))));
    ProbeCapture neverStarted = build(factory, new RecordingRecorder());

    neverStarted.stop();

    assertThat(probeThreads()).isEmpty();
    assertThatThrownBy(neverStarted::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("starts once");
  }
}
