package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the probe capture judges what its targets do, against real loopback servers: one capture
 * probes every kind of target at once, and each test checks the verdict on one kind. Timeouts are
 * generous (2s on loopback) so a busy machine never turns an answer into a timeout; the one probe
 * meant to time out has a short one of its own.
 */
class ProbeOutcomesTest {

  /** Far beyond the short timeout, so no busy machine can blur which one ended the attempt. */
  private static final Duration SLOW_ANSWER = Duration.ofSeconds(20);
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);

  private static StubTargets targets;
  private static StubTargets elsewhere;
  private static RecordingRecorder recorder;
  private static Capture capture;

  @BeforeAll
  static void probeEveryKindOfTarget() throws Exception {
    targets = new StubTargets(SLOW_ANSWER);
    elsewhere = new StubTargets(SLOW_ANSWER);
    List<ProbeSettings> probes = new ArrayList<>();
    probes.add(probe("up", targets.url("/up"), p -> {}));
    probes.add(probe("unavailable", targets.url("/down"), p -> {}));
    probes.add(probe("refused", StubTargets.refusedUrl(), p -> {}));
    probes.add(probe("slow", targets.url("/slow"), p -> p.setTimeout("200ms")));
    probes.add(probe("redirect-as-is", targets.url("/redirect"), p -> {}));
    probes.add(probe("redirect-unexpected", targets.url("/redirect"), p -> p.setExpectedStatus(List.of(200))));
    probes.add(
        probe(
            "redirect-followed",
            targets.url("/redirect"),
            p -> {
              p.setExpectedStatus(List.of(200));
              p.setFollowRedirects(true);
            }));
    probes.add(probe("head", targets.url("/up"), p -> p.setMethod(ProbeMethod.HEAD)));
    probes.add(probe("private", targets.urlWithCredentials("/auth?token=abc123&region=eu"), p -> {}));
    probes.add(
        probe(
            "private-redirected-here",
            targets.urlWithCredentials(StubTargets.redirectTo("/auth")),
            p -> {
              p.setExpectedStatus(List.of(200));
              p.setFollowRedirects(true);
            }));
    probes.add(
        probe(
            "private-redirected-elsewhere",
            targets.urlWithCredentials(StubTargets.redirectTo(elsewhere.url("/auth"))),
            p -> {
              p.setExpectedStatus(List.of(200));
              p.setFollowRedirects(true);
            }));
    ProbeCaptureFactory factory = new ProbeCaptureFactory();
    factory.setInterval("2s");
    factory.setTimeout("2s");
    factory.setMaxConcurrency(16);
    factory.setProbes(probes);

    recorder = new RecordingRecorder();
    capture = factory.build(new TestCaptureContext("shop", recorder));
    capture.start();

    boolean allJudged =
        recorder.await(
            r -> probes.stream().allMatch(p -> r.tally("probe:" + p.getName()).verdicts() >= 1),
            Duration.ofSeconds(20));
    assertThat(allJudged).as("every probe judged; so far %s", recorder.declared().keySet().stream()
        .map(rule -> rule + "=" + recorder.tally(rule)).toList()).isTrue();
  }

  private static ProbeSettings probe(String name, String url, Consumer<ProbeSettings> tweak) {
    ProbeSettings settings = new ProbeSettings();
    settings.setName(name);
    settings.setUrl(url);
    tweak.accept(settings);
    return settings;
  }

  @AfterAll
  static void stop() throws Exception {
    if (capture != null) {
      capture.stop();
    }
    if (targets != null) {
      targets.close();
    }
    if (elsewhere != null) {
      elsewhere.close();
    }
  }

  @Test
  void anExpectedStatusIsASuccess() {
    RecordingRecorder.Tally up = recorder.tally("probe:up");

    assertThat(up.successes()).isPositive();
    assertThat(up.failures()).isZero();
  }

  @Test
  void anUnexpectedStatusIsAFailure() {
    RecordingRecorder.Tally unavailable = recorder.tally("probe:unavailable");

    assertThat(unavailable.failures()).isPositive();
    assertThat(unavailable.successes()).isZero();
  }

  @Test
  void aRefusedConnectionIsAFailure() {
    RecordingRecorder.Tally refused = recorder.tally("probe:refused");

    assertThat(refused.failures()).isPositive();
    assertThat(refused.successes()).isZero();
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsAFailureRecordedWhenTheTimeoutEnds() {
    RecordingRecorder.Tally slow = recorder.tally("probe:slow");

    assertThat(slow.failures()).isPositive();
    assertThat(slow.successes()).isZero();
    assertThat(Duration.ofNanos(slow.longestNanos()))
        .isGreaterThanOrEqualTo(SHORT_TIMEOUT)
        .isLessThan(SLOW_ANSWER);
  }

  @Test
  void aRedirectIsJudgedByItsOwnStatusUnlessFollowed() {
    assertThat(recorder.tally("probe:redirect-as-is").failures())
        .as("302 is one of the Statsig codes expected by default")
        .isZero();
    assertThat(recorder.tally("probe:redirect-unexpected").successes())
        .as("302 when only 200 is expected")
        .isZero();
    assertThat(recorder.tally("probe:redirect-followed").failures())
        .as("followed to /up, which answers 200")
        .isZero();
    assertThat(recorder.tally("probe:redirect-followed").successes()).isPositive();
  }

  @Test
  void aHeadProbeSendsHead() {
    assertThat(targets.methods()).contains("HEAD /up");
    assertThat(recorder.tally("probe:head").successes()).isPositive();
    assertThat(recorder.tally("probe:head").failures()).isZero();
  }

  @Test
  void userInfoIsSentAsBasicAuthButNeverShownNorAreQueryValues() {
    assertThat(recorder.tally("probe:private").failures()).as("/auth answers 401 without it").isZero();

    String doc = recorder.declared().get("probe:private").doc();
    assertThat(doc)
        .as("a loopback target is shown as internal; redaction itself: ProbeUrlTest")
        .isEqualTo(ProbeUrl.INTERNAL)
        .doesNotContain("s3cret")
        .doesNotContain("abc123");
  }

  @Test
  void credentialsFollowARedirectWithinTheirOriginButNeverToAnother() {
    assertThat(recorder.tally("probe:private-redirected-here").failures()).isZero();
    assertThat(recorder.tally("probe:private-redirected-elsewhere").successes())
        .as("the other origin answers 401 without credentials")
        .isZero();
    assertThat(elsewhere.hits("/auth")).as("but the redirect was followed").isPositive();
  }

  @Test
  void eachProbeIsOneRouteOfTheServiceInTheProbesGroup() {
    assertThat(recorder.declarations()).hasSize(11).allSatisfy((rule, times) -> assertThat(times).isEqualTo(1));
    RouteDescriptor up = recorder.declared().get("probe:up");
    assertThat(up.key()).isEqualTo(new RouteKey("shop", "probe:up"));
    assertThat(up.name()).isEqualTo("up");
    assertThat(up.group()).isEqualTo("Probes");
    assertThat(up.doc()).as("the stub target is on loopback").isEqualTo(ProbeUrl.INTERNAL);
  }

  @Test
  void probesJudgeForThemselvesAndReportNoCaptureFailures() {
    assertThat(recorder.declared().keySet())
        .allSatisfy(rule -> assertThat(recorder.tally(rule).classified()).isZero());
    assertThat(recorder.unmatchedCount()).as("a probe always knows its route").isZero();
    assertThat(recorder.failures()).isEmpty();
  }
}
