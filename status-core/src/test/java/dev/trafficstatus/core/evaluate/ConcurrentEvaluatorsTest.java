package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.core.evaluate.SimulatedTraffic.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Three evaluators (as three processes would run them) evaluating at the same moment every minute
 * on one store: one incident for one outage, one update per state change.
 */
class ConcurrentEvaluatorsTest {

  @Test
  void threeEvaluatorsAtOnceWriteOneIncidentAndOneUpdatePerStateChange() throws Exception {
    SimulatedTraffic shop = new SimulatedTraffic("2026-03-01T10:00:20Z");
    List<Evaluator> evaluators = List.of(shop.evaluator(), shop.evaluator(), shop.evaluator());
    ExecutorService threads = Executors.newFixedThreadPool(3);
    CyclicBarrier together = new CyclicBarrier(3);
    try {
      shop.traffic(CHECKOUT, 0, 100);
      for (int minute = 1; minute <= 10; minute++) {
        if (minute == 4) {
          shop.traffic(CHECKOUT, 100, 0);
        }
        shop.minute();
        List<Future<EvaluationReport>> runs = new ArrayList<>();
        for (Evaluator evaluator : evaluators) {
          runs.add(threads.submit(() -> {
            together.await(30, TimeUnit.SECONDS);
            return evaluator.evaluateOnce();
          }));
        }
        for (Future<EvaluationReport> run : runs) {
          run.get(30, TimeUnit.SECONDS);
        }
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(shop.incidents()).hasSize(1);
    Notice incident = shop.incidents().get(0);
    assertThat(incident.updates()).extracting(NoticeUpdate::changes)
        .containsExactly(
            List.of(new StateChange(CHECKOUT, Health.MAJOR_OUTAGE, Health.OPERATIONAL)),
            List.of(new StateChange(CHECKOUT, Health.OPERATIONAL, Health.MAJOR_OUTAGE)));
  }
}
