package dev.trafficstatus.capture.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.RecordingRecorder.Observation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends batches of requests to a test app and tells what they changed in its recorder. */
final class Traffic {

  /** Bound on how long the last counts of a batch may trail its responses. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  /**
   * Requests of one kind: how many to send, and what each must get and be recorded as.
   *
   * @param authorization the Authorization header, or null for none
   * @param rule the route it must be counted under, or null for unmatched
   */
  record Call(
      String method, String path, String authorization, int times, int status, String rule) {}

  /**
   * What a batch of calls changed in the recorder.
   *
   * @param verdicts recordSuccess and recordFailure calls: the host classifies every request by its
   *     status, so the Jersey capture must never judge one itself
   */
  record Batch(Map<Observation, Long> counts, long unmatched, long verdicts) {}

  private final ShopClient client;
  private final RecordingRecorder recorder;

  Traffic(ShopClient client, RecordingRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /**
   * Sends every call, checks each answer (so a wrong expectation cannot pass for a capture bug),
   * then waits for the last counts and returns what changed.
   */
  Batch send(List<Call> calls) throws InterruptedException {
    Map<Observation, Long> countsBefore = recorder.counts();
    long unmatchedBefore = recorder.unmatchedCount();
    long verdictsBefore = verdicts();
    long eventsBefore = recorder.events();
    int sent = 0;
    for (Call call : calls) {
      for (int i = 0; i < call.times(); i++) {
        assertThat(client.send(call.method(), call.path(), call.authorization()))
            .as("%s %s", call.method(), call.path())
            .isEqualTo(call.status());
        sent++;
      }
    }
    assertThat(recorder.awaitEvents(eventsBefore + sent, SETTLE))
        .as("all %d requests reported within %s", sent, SETTLE)
        .isTrue();
    Batch batch =
        new Batch(
            recorder.countsSince(countsBefore),
            recorder.unmatchedCount() - unmatchedBefore,
            verdicts() - verdictsBefore);
    assertThat(batch.verdicts()).as("requests the capture judged instead of the host").isZero();
    return batch;
  }

  /** The counts a list of calls must add. */
  static Map<Observation, Long> expectedCounts(List<Call> calls) {
    Map<Observation, Long> expected = new HashMap<>();
    for (Call call : calls) {
      expected.merge(new Observation(call.rule(), call.status()), (long) call.times(), Long::sum);
    }
    return expected;
  }

  /** Every recordSuccess and recordFailure call so far, over all routes. */
  private long verdicts() {
    return recorder.tallies().values().stream().mapToLong(RecordingRecorder.Tally::verdicts).sum();
  }
}
