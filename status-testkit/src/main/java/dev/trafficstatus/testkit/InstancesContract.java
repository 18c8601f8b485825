package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatusStore#instances()}, for a store that offers it: a store plugin's
 * contract test implements it beside extending {@link StatusStoreContract}. A report replaces what
 * was recorded of its instance; listings include what was heard from since a moment; the first
 * start of a version is its deploy, counted up by the instances started with it that day, once
 * each, by any process sharing the database.
 */
public interface InstancesContract extends StoreUnderTest {

  private static InstanceStore instances(StatusStore store) {
    return store.instances().orElseThrow(() -> new AssertionError("the store offers no instances"));
  }

  private static StoredInstance web(int number, String version, Instant startedAt) {
    return StoredInstance.started("web-" + number, "shop", "host-" + number, version, startedAt);
  }

  @Test
  default void aReportReplacesWhatWasRecordedOfItsInstance() throws Exception {
    InstanceStore store = instances(store());
    StoredInstance started = web(1, "1.4.2", minute(0, 10, 0));
    store.report(started);
    store.report(started.flushed(minute(0, 10, 1)));
    store.report(started.flushed(minute(0, 10, 2)));

    assertThat(store.instances(minute(0, 0, 0), 10))
        .containsExactly(started.flushed(minute(0, 10, 2)));

    store.report(started.flushed(minute(0, 10, 2)).stopped(minute(0, 10, 3)));
    assertThat(store.instances(minute(0, 0, 0), 10))
        .containsExactly(started.flushed(minute(0, 10, 2)).stopped(minute(0, 10, 3)));
  }

  @Test
  default void aListingHoldsWhatWasHeardFromSinceAMomentNewestStartFirst() throws Exception {
    InstanceStore store = instances(store());
    StoredInstance quiet = web(1, null, minute(0, 9, 0)).flushed(minute(0, 9, 30));
    StoredInstance older = web(2, null, minute(0, 9, 0)).flushed(minute(0, 10, 5));
    StoredInstance newer = web(3, null, minute(0, 10, 0)).flushed(minute(0, 10, 5));
    List.of(quiet, older, newer).forEach(store::report);

    assertThat(store.instances(minute(0, 10, 0), 10)).containsExactly(newer, older);
    assertThat(store.instances(minute(0, 9, 30), 10)).hasSize(3);
    assertThat(store.instances(minute(0, 9, 30), 1)).containsExactly(newer);
  }

  @Test
  default void aVersionsFirstStartIsItsDeployCountedOncePerInstanceThatDay() throws Exception {
    InstanceStore store = instances(store());
    StoredInstance first = web(1, "1.4.2", minute(0, 14, 2));
    store.report(first);
    store.report(first.flushed(minute(0, 14, 3)));
    store.report(web(2, "1.4.2", minute(0, 14, 5)));
    store.report(web(3, "1.4.2", minute(1, 9, 0)));
    store.report(web(4, null, minute(0, 15, 0)));
    store.report(web(5, "1.4.3", minute(1, 10, 0)));

    assertThat(store.deploys(minute(0, 0, 0), minute(2, 0, 0)))
        .containsExactly(
            new Deploy("shop", "1.4.2", minute(0, 14, 2), 2),
            new Deploy("shop", "1.4.3", minute(1, 10, 0), 1));
    assertThat(store.deploys(minute(1, 0, 0), minute(2, 0, 0)))
        .as("a range holds the deploys made in it, not the versions still running")
        .containsExactly(new Deploy("shop", "1.4.3", minute(1, 10, 0), 1));
  }

  @Test
  default void processesStartingAVersionAtOnceMakeOneDeploy() throws Exception {
    StatusStore first = store();
    List<InstanceStore> processes = List.of(instances(first), instances(another(first)));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> reports = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        InstanceStore process = processes.get(i);
        int number = i + 1;
        reports.add(threads.submit(() -> process.report(web(number, "2.0.0", minute(0, 12, 0)))));
      }
      for (Future<?> report : reports) {
        report.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(processes.get(0).deploys(minute(0, 0, 0), minute(1, 0, 0)))
        .containsExactly(new Deploy("shop", "2.0.0", minute(0, 12, 0), 2));
    assertThat(processes.get(1).instances(minute(0, 0, 0), 10)).hasSize(2);
  }
}
